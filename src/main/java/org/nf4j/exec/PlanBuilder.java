package org.nf4j.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.custom.Invoke;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Enter;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Exit;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.LoopCond;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Merge;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.NextIteration;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.Switch;
import org.nd4j.linalg.api.ops.impl.layers.ExternalErrorsFunction;
import org.nd4j.linalg.api.ops.impl.shape.CreateView;
import org.nd4j.linalg.api.ops.impl.shape.tensorops.BaseTensorOp;
import org.nd4j.linalg.api.ops.impl.transforms.Assert;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Assign;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.GradientBackwardsMarker;
import org.nd4j.linalg.api.ops.impl.transforms.same.Identity;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Compiles a graph for the shapes of one feed. SameDiff runs it once with a listener that records
 * the ops in execution order; then every op is bound to its own context with its outputs allocated
 * from the output shapes libnd4j computes on the actual inputs (and the output variable's type, as
 * SameDiff's session does), and run once in that order, so a shape computed from other shapes (a
 * reshape fed by a shape op) is exact. A plan fixes every shape for its feed's shapes (and the values
 * of small integer feeds, see {@link GraphRunner}): ops whose output shape depends on the values of
 * their inputs (where, unique, ...) are refused, and a graph that computes a shape from floating-point
 * values would be wrong from its second run. The plan's first results must equal SameDiff's for the
 * same feed, or the graph is refused.
 *
 * <p>What SameDiff's {@code InferenceSession} does in Java is mirrored: Identity passes its input
 * through (no op), Assign writes into its first input and returns it, the gradient marker is a float
 * scalar 1, and the run-time scalar of two-input scalar ops and axis of two-input reduce ops are set
 * on every run ({@link LegacyOpStep}). Refused, with the reason: control flow (switch, merge,
 * enter, exit, next-iteration, loop condition), tensor arrays, invoked functions, assertions,
 * external errors, views, random ops (the context path does not carry ND4J's random state), and
 * ops that are neither custom nor legacy ops.
 */
final class PlanBuilder {
    private final SameDiff sd;
    private final List<String> outputs;
    private final List<String> gradientsOf;
    private final OpExecutioner executioner = Nd4j.getExecutioner();

    /** Values of the graph's variables by name: placeholders, parameters, constants and op outputs. */
    private final Map<String, INDArray> values = new HashMap<>();
    private final Map<String, INDArray> placeholders = new LinkedHashMap<>();
    private final Map<String, VariableBinding> bindings = new LinkedHashMap<>();
    private final List<PlanStep> steps = new ArrayList<>();
    private BufferPool pool;

    /**
     * @param gradientsOf variables whose gradients are wanted; empty for a forward-only plan
     */
    PlanBuilder(SameDiff sd, List<String> outputs, List<String> gradientsOf) {
        this.sd = sd;
        this.outputs = List.copyOf(outputs);
        this.gradientsOf = List.copyOf(gradientsOf);
    }

    /**
     * Records, compiles and checks a plan for the shapes of {@code feed}. The plan's
     * {@link CompiledPlan#lastResult()} holds the results for {@code feed}.
     *
     * @throws UnsupportedGraphException when the graph cannot be compiled (the message says why)
     */
    CompiledPlan build(Map<String, INDArray> feed) {
        OpOrderRecorder recorder = new OpOrderRecorder();
        OutAndGrad reference = record(feed, recorder);
        SameDiff executed = recorder.executed() != null ? recorder.executed() : gradientsOf.isEmpty() ? sd : sd.getFunction("grad");
        Map<String, String> gradientNames = new LinkedHashMap<>();
        for (String p : gradientsOf) {
            SDVariable g = sd.getVariable(p).getGradient();
            if (g != null) {
                gradientNames.put(p, g.name());
            }
        }
        java.util.Set<String> results = new java.util.HashSet<>(outputs);
        results.addAll(gradientNames.values());
        pool = new BufferPool(executed, recorder.opNames(), results);
        for (int i = 0; i < recorder.opNames().size(); i++) {
            String name = recorder.opNames().get(i);
            try {
                compile(executed, name, i, feed);
            } catch (UnsupportedGraphException e) {
                throw e;
            } catch (RuntimeException e) {
                // SameDiff itself ran the graph just before, so this is the plan's failure, not the graph's
                throw new UnsupportedGraphException("op " + name + " failed in the plan: " + e);
            }
        }
        Map<String, INDArray> outs = new LinkedHashMap<>();
        for (String o : outputs) {
            outs.put(o, valueOf(executed, o, feed));
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : gradientNames.entrySet()) {
            grads.put(e.getKey(), valueOf(executed, e.getValue(), feed));
        }
        StepResult result = new StepResult(java.util.Collections.unmodifiableMap(outs),
                java.util.Collections.unmodifiableMap(grads));
        PlanCheck.sameAs(reference, result);
        return new CompiledPlan(placeholders.keySet().toArray(new String[0]), placeholders.values().toArray(new INDArray[0]),
                steps.toArray(new PlanStep[0]), bindings.values().toArray(new VariableBinding[0]), result,
                pool.allocatedBytes(), pool.requestedBytes());
    }

    /** One SameDiff call with the recorder attached; SameDiff's own results, to check the plan against. */
    private OutAndGrad record(Map<String, INDArray> feed, OpOrderRecorder recorder) {
        List<Listener> before = new ArrayList<>(sd.getListeners() == null ? List.of() : sd.getListeners());
        sd.addListeners(recorder);
        try {
            if (gradientsOf.isEmpty()) {
                return new OutAndGrad(sd.output(feed, outputs.toArray(new String[0])), Map.of());
            }
            return sd.calculateGradientsAndOutputs(feed, outputs, gradientsOf);
        } finally {
            sd.setListeners(before);
            SameDiff grad = sd.getFunction("grad");
            if (grad != null) {
                grad.setListeners(before);
            }
        }
    }

    private void compile(SameDiff g, String opName, int index, Map<String, INDArray> feed) {
        SameDiffOp sdo = g.getOps().get(opName);
        DifferentialFunction df = sdo.getOp();
        refuseUnsupported(opName, df);
        String[] argNames = df.argNames() == null ? new String[0] : df.argNames();
        INDArray[] args = new INDArray[argNames.length];
        for (int i = 0; i < argNames.length; i++) {
            args[i] = input(g, argNames[i], feed, opName);
        }
        List<String> outNames = sdo.getOutputsOfOp();
        if (df instanceof Identity || (df instanceof Assign && args.length < 2)) {
            values.put(outNames.get(0), args[0]);
            pool.release(index, argNames, outNames);
            return;
        }
        if (df instanceof GradientBackwardsMarker) {
            values.put(outNames.get(0), Nd4j.scalar(DataType.FLOAT, 1.0f));
            return;
        }
        OpContext oc = executioner.buildContext();
        PlanStep step;
        if (df instanceof CustomOp) {
            DynamicCustomOp op = (DynamicCustomOp) df;
            oc.setArgs(args, op.iArgs(), op.dArgs(), op.tArgs(), op.bArgs());
            if (df instanceof Assign) {
                oc.setOutputArray(0, args[0]);
                values.put(outNames.get(0), args[0]);
            } else {
                List<LongShapeDescriptor> shapes = op.calculateOutputShape(oc);
                if (shapes == null || shapes.size() != outNames.size()) {
                    throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + "): libnd4j gave "
                            + (shapes == null ? 0 : shapes.size()) + " output shapes for " + outNames.size() + " outputs");
                }
                for (int i = 0; i < shapes.size(); i++) {
                    DataType type = g.getVariable(outNames.get(i)).dataType();
                    oc.setOutputArray(i, allocate(outNames.get(i), opName, df, shapes.get(i), type));
                    values.put(outNames.get(i), oc.getOutputArray(i));
                }
            }
            step = new CustomOpStep(op, oc, executioner);
        } else {
            Op op = (Op) df;
            LegacyOpStep.Second second = LegacyOpStep.Second.NONE;
            if (args.length == 2) {
                if (op instanceof ReduceOp && ((ReduceOp) op).getOpType() != Op.Type.REDUCE3) {
                    if (args[1].isEmpty()) {
                        throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + "): a reduction over an empty axis list");
                    }
                    second = LegacyOpStep.Second.AXIS;
                } else {
                    second = op instanceof ScalarOp ? LegacyOpStep.Second.SCALAR : LegacyOpStep.Second.ARRAY;
                }
            }
            if (op instanceof ScalarOp && ((ScalarOp) op).dimensions() != null) {
                throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + "): a scalar op along dimensions");
            }
            LegacyOpStep legacy = new LegacyOpStep(op, oc, executioner, args.clone(), second);
            if (args.length > 0) {
                oc.setInputArray(0, args[0]);
                if (args.length == 2 && second != LegacyOpStep.Second.AXIS) {
                    oc.setInputArray(1, args[1]);
                }
            }
            legacy.prepare();
            List<LongShapeDescriptor> shapes = ((BaseOp) op).calculateOutputShape(oc);
            if (shapes == null || shapes.size() != 1) {
                throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + "): no output shape");
            }
            oc.setOutputArray(0, allocate(outNames.get(0), opName, df, shapes.get(0), shapes.get(0).dataType()));
            values.put(outNames.get(0), oc.getOutputArray(0));
            step = legacy;
        }
        for (int i = 0; i < argNames.length; i++) {
            VariableBinding b = bindings.get(pool.rootOf(argNames[i]));
            if (b != null) {
                b.addUse(step, i);
            }
        }
        steps.add(step);
        step.run();
        pool.release(index, argNames, outNames);
    }

    /**
     * An output array of the shape libnd4j asked for, always in 'c' order, even where libnd4j would
     * pick 'f' (products, the weight gradients of {@code xw_plus_b_bp}). The kernels write through
     * the array's strides, so the values are the same (every plan's first run is checked against
     * SameDiff's), but mixed layouts send the element-wise ops that follow down libnd4j's slow strided
     * path: measured at K = 0, a relu on [100, 400] took 320 us after an 'f' product and 23 us on 'c'
     * arrays, and the step went from 8.3 to 6.6 ms. The optimiser can also read a 'c' gradient as one
     * flat run of memory instead of copying it every step.
     */
    private INDArray allocate(String name, String opName, DifferentialFunction df, LongShapeDescriptor shape, DataType type) {
        if (shape.isEmpty()) {
            throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + ") has an empty output");
        }
        return pool.allocate(name, type, shape.getShape());
    }

    /** The array an op reads for input {@code name}: bound by reference, fed, or an earlier op's output. */
    private INDArray input(SameDiff g, String name, Map<String, INDArray> feed, String opName) {
        INDArray v = values.get(name);
        if (v != null) {
            return v;
        }
        SDVariable var = g.getVariable(name);
        VariableType type = var.getVariableType();
        if (type == VariableType.VARIABLE || type == VariableType.CONSTANT) {
            INDArray arr = var.getArr();
            bindings.put(name, new VariableBinding(g, name, arr));
            values.put(name, arr);
            return arr;
        }
        if (type == VariableType.PLACEHOLDER) {
            INDArray fed = feed.get(name);
            if (fed == null) {
                throw new IllegalArgumentException("no array was fed for placeholder '" + name + "'");
            }
            INDArray arr = Nd4j.createUninitialized(var.dataType(), fed.shape(), 'c');
            arr.assign(fed);
            placeholders.put(name, arr);
            values.put(name, arr);
            return arr;
        }
        throw new UnsupportedGraphException("op " + opName + " reads " + name + " before any op made it");
    }

    /** A requested output or gradient: an op's output, or a variable, constant or placeholder itself. */
    private INDArray valueOf(SameDiff g, String name, Map<String, INDArray> feed) {
        INDArray v = values.get(name);
        if (v == null) {
            v = input(g, name, feed, "(result)");
        }
        return v;
    }

    /** Ops whose output shape depends on input values, not shapes. */
    private static final java.util.Set<String> VALUE_SHAPED = java.util.Set.of("Where", "where_np", "unique",
            "unique_with_counts", "listdiff", "dynamic_partition", "non_max_suppression", "non_max_suppression_v3",
            "non_max_suppression_overlaps");

    private static void refuseUnsupported(String opName, DifferentialFunction df) {
        String why = null;
        if (df instanceof Switch || df instanceof Merge || df instanceof Enter || df instanceof Exit
                || df instanceof NextIteration || df instanceof LoopCond) {
            why = "control flow";
        } else if (df instanceof BaseTensorOp) {
            why = "a tensor array";
        } else if (df instanceof Invoke) {
            why = "an invoked function";
        } else if (df instanceof Assert) {
            why = "an assertion";
        } else if (df instanceof ExternalErrorsFunction) {
            why = "external errors";
        } else if (df instanceof CreateView) {
            why = "a view op";
        } else if (VALUE_SHAPED.contains(df.opName())) {
            why = "an op whose output shape depends on the values of its input (a plan fixes shapes)";
        } else if (df instanceof RandomOp || df.getClass().getName().startsWith("org.nd4j.linalg.api.ops.random.")) {
            why = "an in-graph random op (feed the noise as a placeholder)";
        } else if (!(df instanceof CustomOp) && !(df instanceof Op)) {
            why = "neither a custom nor a legacy op";
        } else if (df instanceof CustomOp && !(df instanceof DynamicCustomOp)) {
            why = "a custom op that is not a DynamicCustomOp";
        }
        if (why != null) {
            throw new UnsupportedGraphException("op " + opName + " (" + df.opName() + ") is " + why);
        }
    }
}
