package org.nf4j.exec;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs one fixed request on a SameDiff graph in a loop: some outputs, and optionally the gradients
 * of some variables (SameDiff's autodiff, its gradient function). With {@link Executor#COMPILED} a
 * {@link CompiledPlan} is built per set of placeholder shapes (a training batch, the last partial
 * batch, an evaluation chunk each get their own, cached) and every later call with those shapes is
 * a flat loop of native ops. A graph the plan cannot run is said once, in one line, and then runs
 * on SameDiff; so does everything with {@link Executor#SAMEDIFF}.
 *
 * <p>Results of the compiled path are the plan's own arrays, overwritten by the next {@link #run}
 * with the same shapes: read them (or {@code dup()} them) before the next call. Parameters are
 * read by reference, so in-place updates between calls are seen. Plans (and their arrays) live as
 * long as the runner. Runners on one SameDiff share its op objects, on which legacy ops keep run-time
 * state: use one SameDiff per thread.
 */
public final class GraphRunner {
    private final SameDiff sd;
    private final List<String> outputs;
    private final List<String> gradientsOf;
    private final PrintStream notices;
    private final Map<String, CompiledPlan> plans = new HashMap<>();
    private Executor executor;
    private String fallbackReason;

    private GraphRunner(SameDiff sd, List<String> outputs, List<String> gradientsOf, Executor executor, PrintStream notices) {
        if (outputs.isEmpty() && gradientsOf.isEmpty()) {
            throw new IllegalArgumentException("ask for at least one output or gradient");
        }
        this.sd = sd;
        this.outputs = List.copyOf(outputs);
        this.gradientsOf = List.copyOf(gradientsOf);
        this.executor = executor;
        this.notices = notices;
    }

    /** Outputs and the gradients of {@code variables} (by variable name), as {@code calculateGradientsAndOutputs}. */
    public static GraphRunner gradients(SameDiff sd, List<String> outputs, List<String> variables, Executor executor) {
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("name the variables whose gradients are wanted");
        }
        return new GraphRunner(sd, outputs, variables, executor, System.err);
    }

    /** Outputs only, as {@code sd.output(feed, outputs)}. */
    public static GraphRunner outputs(SameDiff sd, List<String> outputs, Executor executor) {
        return new GraphRunner(sd, outputs, List.of(), executor, System.err);
    }

    /** This runner, saying a fallback to SameDiff on {@code stream} instead of standard error. */
    public GraphRunner noticesTo(PrintStream stream) {
        return new GraphRunner(sd, outputs, gradientsOf, executor, stream);
    }

    /** Runs the request on {@code feed} (placeholder arrays by name). */
    public StepResult run(Map<String, INDArray> feed) {
        if (executor == Executor.COMPILED) {
            String key = shapeKey(feed);
            CompiledPlan plan = key == null ? null : plans.get(key);
            if (plan != null) {
                return plan.run(feed);
            }
            try {
                if (key == null) {
                    throw new UnsupportedGraphException("an integer or boolean feed of more than " + MAX_KEY_VALUES
                            + " values (its values would have to select the plan)");
                }
                plan = new PlanBuilder(sd, outputs, gradientsOf).build(feed);
                plans.put(key, plan);
                return plan.lastResult();
            } catch (UnsupportedGraphException e) {
                fallbackReason = e.getMessage();
                executor = Executor.SAMEDIFF;
                plans.clear();
                notices.println("nf4j: the compiled executor cannot run this graph (" + e.getMessage() + "); it runs on SameDiff");
            }
        }
        if (gradientsOf.isEmpty()) {
            return new StepResult(sd.output(feed, outputs.toArray(new String[0])), Map.of());
        }
        OutAndGrad og = sd.calculateGradientsAndOutputs(feed, outputs, gradientsOf);
        return new StepResult(og.getOutputs(), og.getGradients());
    }

    /** The engine in use: {@link Executor#SAMEDIFF} when asked for, or after a graph was refused. */
    public Executor executor() {
        return executor;
    }

    /** Why the compiled executor refused this graph, if it did. */
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    /** Native ops per run of the plan for these shapes, or -1 where there is none (yet). */
    public int planSize(Map<String, INDArray> feed) {
        CompiledPlan p = planFor(feed);
        return p == null ? -1 : p.size();
    }

    /**
     * Bytes of the arrays of the plan for these shapes, and what one array per op output would take:
     * {@code [allocated, unshared]}, or null where there is no plan (yet).
     */
    public long[] planBytes(Map<String, INDArray> feed) {
        CompiledPlan p = planFor(feed);
        return p == null ? null : new long[] {p.allocatedBytes(), p.valueBytes()};
    }

    /**
     * Where the time of the plan for {@code feed}'s shapes goes, from {@code runs} timed runs (builds
     * the plan if needed; compiled only): one line per op kind (count, time per run, most time first),
     * then the {@code slowest} single ops with their names and input shapes (one op can dominate a kind).
     */
    public List<String> profile(Map<String, INDArray> feed, int runs, int slowest) {
        run(feed);
        CompiledPlan p = planFor(feed);
        if (p == null) {
            throw new IllegalStateException("no compiled plan: the runner uses " + executor.key());
        }
        long[] nanos = p.profile(feed, runs);
        List<PlanStep> steps = p.steps();
        Map<String, Long> byKind = new java.util.HashMap<>();
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < nanos.length; i++) {
            byKind.merge(steps.get(i).kind(), nanos[i], Long::sum);
            counts.merge(steps.get(i).kind(), 1, Integer::sum);
        }
        List<String> lines = new java.util.ArrayList<>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> lines.add(String.format(java.util.Locale.ROOT, "%-28s %4d ops %9.3f ms", e.getKey(),
                        counts.get(e.getKey()), e.getValue() / 1e6)));
        lines.add("slowest ops (output, input shapes):");
        java.util.stream.IntStream.range(0, nanos.length).boxed()
                .sorted((a, b) -> Long.compare(nanos[b], nanos[a])).limit(slowest)
                .forEach(i -> lines.add(String.format(java.util.Locale.ROOT, "%9.3f ms  %s %s", nanos[i] / 1e6,
                        steps.get(i).kind(), steps.get(i).detail())));
        return lines;
    }

    /** The plan for {@code feed}'s shapes, or null where there is none. */
    private CompiledPlan planFor(Map<String, INDArray> feed) {
        String key = shapeKey(feed);
        return key == null ? null : plans.get(key);
    }

    /** Integer and boolean feeds up to this many values select a plan by value; larger ones are not compiled. */
    static final int MAX_KEY_VALUES = 16;

    /**
     * What selects a plan: every fed array's shape, and the values of small integer and boolean ones
     * (an axis or a shape fed as a placeholder decides the shapes of what follows); null when a larger
     * integer or boolean array is fed (labels, masks: a plan per batch would pile up).
     */
    private static String shapeKey(Map<String, INDArray> feed) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, INDArray> e : new TreeMap<>(feed).entrySet()) {
            INDArray a = e.getValue();
            b.append(e.getKey()).append(java.util.Arrays.toString(a.shape()));
            if (!a.dataType().isFPType()) {
                if (a.length() > MAX_KEY_VALUES) {
                    return null;
                }
                b.append('=').append(java.util.Arrays.toString(a.castTo(org.nd4j.linalg.api.buffer.DataType.LONG).reshape(a.length()).toLongVector()));
            }
            b.append(';');
        }
        return b.toString();
    }
}
