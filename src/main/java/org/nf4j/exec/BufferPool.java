package org.nf4j.exec;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * (as SameDiff's session recycles arrays between ops, but decided once, when the plan is built).
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
    private final Map<String, INDArray> owned = new HashMap<>();
    private final Map<String, Deque<INDArray>> free = new HashMap<>();
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

    private String rootOf(String name) {
        String r = root.get(name);
        return r == null ? name : r;
    }

    /** An array for the value {@code name}: a released one of the same type and shape, or a new one ('c' order). */
    INDArray allocate(String name, DataType type, long[] shape) {
        String key = type + Arrays.toString(shape);
        Deque<INDArray> q = free.get(key);
        INDArray a = q == null || q.isEmpty() ? null : q.pop();
        long bytes = (long) type.width() * Arrays.stream(shape).reduce(1, Math::multiplyExact);
        requestedBytes += bytes;
        if (a == null) {
            a = Nd4j.createUninitialized(type, shape, 'c');
            allocatedBytes += bytes;
        }
        owned.put(name, a);
        return a;
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
        INDArray a = owned.get(r);
        if (a == null || lastUse.getOrDefault(r, index) > index) {
            return;
        }
        owned.remove(r);
        free.computeIfAbsent(a.dataType() + Arrays.toString(a.shape()), k -> new ArrayDeque<>()).push(a);
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
