package org.nf4j.exec;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arrays of a plan's intermediate values, shared between values whose lifetimes do not overlap
 * (as SameDiff's session recycles arrays between ops, but decided once, when the plan is built): a
 * value gets a 'c'-order view over a released flat buffer of its type that holds it (at most twice
 * its size), whatever its shape.
 * A value lives from the op that writes it to the last op that reads it, where an alias (Identity,
 * Assign) extends the life of the array it passes on; requested outputs and gradients live for
 * ever. An op's inputs are released only after its outputs are allocated, so an op never writes
 * into an array it reads. A long flow evaluated on 10,000-row chunks would otherwise hold every
 * intermediate of every step at once.
 */
final class BufferPool {
    /** Index of the op that reads each array (by the name of the value that owns it) last. */
    private final Map<String, Integer> lastUse = new HashMap<>();
    /** The value whose array a name refers to (itself, or what an alias passes on). */
    private final Map<String, String> root = new HashMap<>();
    /** Arrays under this many elements are not shared. */
    static final long SMALL = 1024;

    /** The flat buffer under each live pooled value, by the value's name. */
    private final Map<String, INDArray> owned = new HashMap<>();
    /** Released flat buffers by type and length. */
    private final Map<DataType, TreeMap<Long, Deque<INDArray>>> free = new HashMap<>();
    private long allocatedBytes;
    private long requestedBytes;

    /** Lifetimes from the ops in execution order; {@code results} are never released. */
    BufferPool(SameDiff g, List<String> opNames, Set<String> results) {
        for (int i = 0; i < opNames.size(); i++) {
            SameDiffOp sdo = g.getOps().get(opNames.get(i));
            DifferentialFunction df = sdo.getOp();
            String[] args = df.argNames() == null ? new String[0] : df.argNames();
            for (String a : args) {
                lastUse.merge(rootOf(a), i, Math::max);
            }
            if ((df instanceof Identity || df instanceof Assign) && args.length > 0) {
                root.put(sdo.getOutputsOfOp().get(0), rootOf(args[0]));
            }
        }
        for (String r : results) {
            lastUse.put(rootOf(r), Integer.MAX_VALUE);
        }
    }

    /** The value whose array {@code name} is: itself, or what an Identity or Assign passed on. */
    String rootOf(String name) {
        String r = root.get(name);
        return r == null ? name : r;
    }

    /**
     * An array for the value {@code name}, in 'c' order: a view over the smallest released buffer of
     * the same type that holds it and is at most twice its size (as SameDiff's own array cache
     * reuses), or a new buffer. Results and arrays under {@link #SMALL} elements get arrays of their
     * own (a result must not be a view: the optimiser reads it as one flat run of memory).
     */
    INDArray allocate(String name, DataType type, long[] shape) {
        long n = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        long bytes = (long) type.width() * n;
        requestedBytes += bytes;
        Integer until = lastUse.get(rootOf(name));
        if (n < SMALL || shape.length == 0 || (until != null && until == Integer.MAX_VALUE)) {
            allocatedBytes += bytes;
            return Nd4j.createUninitialized(type, shape, 'c');
        }
        TreeMap<Long, Deque<INDArray>> byLength = free.computeIfAbsent(type, t -> new TreeMap<>());
        Map.Entry<Long, Deque<INDArray>> fit = byLength.ceilingEntry(n);
        INDArray base;
        if (fit != null && fit.getKey() <= 2 * n) {
            base = fit.getValue().pop();
            if (fit.getValue().isEmpty()) {
                byLength.remove(fit.getKey());
            }
        } else {
            base = Nd4j.createUninitialized(type, new long[] {n}, 'c');
            allocatedBytes += bytes;
        }
        owned.put(name, base);
        return base.length() == n ? base.reshape('c', shape)
                : Nd4j.create(base.data(), shape, Nd4j.getStrides(shape, 'c'), 0, 'c');
    }

    /** After op {@code index} is bound: releases the arrays it read last, and its outputs nobody reads. */
    void release(int index, String[] inputs, List<String> outputs) {
        for (String in : inputs) {
            releaseIfDone(rootOf(in), index);
        }
        for (String out : outputs) {
            releaseIfDone(rootOf(out), index);
        }
    }

    private void releaseIfDone(String r, int index) {
        INDArray base = owned.get(r);
        if (base == null || lastUse.getOrDefault(r, index) > index) {
            return;
        }
        owned.remove(r);
        free.computeIfAbsent(base.dataType(), t -> new TreeMap<>()).computeIfAbsent(base.length(), k -> new ArrayDeque<>())
                .push(base);
    }

    /** Bytes of the arrays actually allocated. */
    long allocatedBytes() {
        return allocatedBytes;
    }

    /** Bytes the plan would hold with one array per value. */
    long requestedBytes() {
        return requestedBytes;
    }
}
