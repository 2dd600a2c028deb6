package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numerical checks every flow must pass, in float64: log|det| against a finite-difference
 * Jacobian, inverse round trip, and SameDiff gradients against finite differences.
 */
final class FlowChecks {
    /** Points at which each check is made. */
    static final int POINTS = 3;
    /** Steps of the five-point central-difference stencil (error O(h^4)), largest first. */
    static final double[] JACOBIAN_STEPS = {1e-4, 1e-5, 3e-6};
    private static final double[] STENCIL = {1, -1, 2, -2};
    static final double LOG_DET_TOLERANCE = 1e-6;
    static final double INVERSE_TOLERANCE = 1e-8;
    /** Central-difference steps for gradients; one must agree (see the Jacobian check). */
    static final double[] GRADIENT_STEPS = {1e-6, 1e-7};
    static final double GRADIENT_TOLERANCE = 1e-5;
    /** Bound on the relative rounding error of one loss evaluation (a few hundred float64 ulps). */
    static final double ROUNDOFF = 1e-14;
    /** Elements of each variable whose gradient is checked by finite differences. */
    static final int GRADIENT_SAMPLES = 10;

    private final FlowCase flowCase;
    private final int dim;
    private final long seed;
    private final double scale;

    FlowChecks(FlowCase flowCase, int dim, long seed, double scale) {
        this.flowCase = flowCase;
        this.dim = dim;
        this.seed = seed;
        this.scale = scale;
    }

    static double[][] gaussian(Random rng, int rows, int cols, double s) {
        double[][] v = new double[rows][cols];
        for (double[] row : v) {
            for (int j = 0; j < cols; j++) {
                row[j] = rng.nextGaussian() * s;
            }
        }
        return v;
    }

    static INDArray array(double[][] v) {
        return Nd4j.create(v).castTo(DataType.DOUBLE);
    }

    /** Raw amortised parameters, one row per example (null for global flows). */
    private double[][] rawRows(int rows) {
        if (!flowCase.amortised()) {
            return null;
        }
        return gaussian(new Random(seed * 31 + 7), rows, flowCase.amortisedSize().of(dim), scale);
    }

    private double[][] points(int rows) {
        return gaussian(new Random(seed * 17 + 3), rows, dim, 1.5);
    }

    private Flow build(SameDiff sd, double[][] raw) {
        SDVariable rawVar = raw == null ? null : sd.var("amortisedRaw", array(raw));
        return flowCase.builder().build(sd, dim, rawVar, seed, scale);
    }

    /**
     * Check 1: the flow's log|det| equals log|det| of a five-point central-difference Jacobian.
     * The difference is taken at {@link #JACOBIAN_STEPS} step sizes and one of them must agree: a
     * difference taken across a ReLU kink is wrong at one step size, a wrong log-det at all.
     */
    void logDetMatchesJacobian() {
        double[][] centres = points(POINTS);
        double[][] raw = rawRows(POINTS);
        int perStep = 4 * dim;
        int perPoint = 1 + JACOBIAN_STEPS.length * perStep;
        double[][] z = new double[POINTS * perPoint][];
        double[][] rawRep = raw == null ? null : new double[POINTS * perPoint][];
        for (int p = 0; p < POINTS; p++) {
            for (int r = 0; r < perPoint; r++) {
                double[] row = centres[p].clone();
                if (r > 0) {
                    double h = JACOBIAN_STEPS[(r - 1) / perStep];
                    int within = (r - 1) % perStep;
                    row[within / 4] += STENCIL[within % 4] * h;
                }
                z[p * perPoint + r] = row;
                if (raw != null) {
                    rawRep[p * perPoint + r] = raw[p];
                }
            }
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, dim);
        FlowOutput out = build(sd, rawRep).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", array(z)), out.z().name(), out.logDet().name());
        INDArray y = res.get(out.z().name());
        INDArray logDet = res.get(out.logDet().name());
        for (int p = 0; p < POINTS; p++) {
            int base = p * perPoint;
            double flow = logDet.getDouble(base);
            StringBuilder tried = new StringBuilder();
            boolean agrees = false;
            for (int s = 0; s < JACOBIAN_STEPS.length && !agrees; s++) {
                double h = JACOBIAN_STEPS[s];
                double[][] jac = new double[dim][dim];
                for (int j = 0; j < dim; j++) {
                    int r = base + 1 + s * perStep + 4 * j;
                    for (int i = 0; i < dim; i++) {
                        double fp = y.getDouble(r, i);
                        double fm = y.getDouble(r + 1, i);
                        double fpp = y.getDouble(r + 2, i);
                        double fmm = y.getDouble(r + 3, i);
                        jac[i][j] = (8 * (fp - fm) - (fpp - fmm)) / (12 * h);
                    }
                }
                double numeric = LinearAlgebra.logAbsDet(jac);
                agrees = Math.abs(flow - numeric) <= LOG_DET_TOLERANCE * Math.max(1.0, Math.abs(numeric));
                tried.append(String.format(" %s (h=%.0e)", numeric, h));
            }
            if (!agrees) {
                fail(flowCase + " d=" + dim + ": log|det| " + flow + " but the numerical Jacobian gives" + tried);
            }
        }
    }

    /** Check 2: inverse(forward(z)) == z. */
    void inverseRoundTrips() {
        double[][] z = points(POINTS);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, dim);
        Flow flow = build(sd, rawRows(POINTS));
        SDVariable back = flow.inverse(flow.forward(in).z());
        INDArray x = sd.output(Map.of("z", array(z)), back.name()).get(back.name());
        for (int p = 0; p < POINTS; p++) {
            for (int i = 0; i < dim; i++) {
                double err = Math.abs(x.getDouble(p, i) - z[p][i]);
                if (!(err <= INVERSE_TOLERANCE * Math.max(1.0, Math.abs(z[p][i])))) {
                    fail(flowCase + " d=" + dim + ": inverse(forward(z)) differs from z by " + err);
                }
            }
        }
    }

    /**
     * Check 3: SameDiff's gradient of loss = sum(C * z_K) + sum(c * logDet) with respect to every
     * variable (flow parameters and z itself) equals central finite differences, and no parameter
     * variable has an all-zero gradient.
     */
    void gradientsMatchFiniteDifferences() {
        Random rng = new Random(seed * 13 + 5);
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.var("z", array(points(POINTS)));
        FlowOutput out = build(sd, rawRows(POINTS)).forward(z);
        SDVariable c1 = sd.constant("c1", array(gaussian(rng, POINTS, dim, 1.0)));
        SDVariable c2 = sd.constant("c2", array(gaussian(rng, 1, POINTS, 1.0)).reshape(POINTS));
        SDVariable loss = out.z().mul(c1).sum().add(out.logDet().mul(c2).sum());
        loss.markAsLoss();
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        Map<String, INDArray> grads = sd.calculateGradients(new HashMap<>(), names);
        for (String name : names) {
            INDArray g = grads.get(name);
            assertTrue(g != null && g.norm2Number().doubleValue() > 0,
                    flowCase + " d=" + dim + ": variable " + name + " gets no gradient");
            INDArray value = sd.getVariable(name).getArr();
            long n = value.length();
            for (int s = 0; s < Math.min(GRADIENT_SAMPLES, n); s++) {
                long idx = n <= GRADIENT_SAMPLES ? s : (long) (rng.nextDouble() * n);
                double auto = g.getDouble(idx);
                String tried = "";
                boolean agrees = false;
                for (int k = 0; k < GRADIENT_STEPS.length && !agrees; k++) {
                    double h = GRADIENT_STEPS[k];
                    double orig = value.getDouble(idx);
                    value.putScalar(idx, orig + h);
                    double up = evaluate(sd, loss);
                    value.putScalar(idx, orig - h);
                    double down = evaluate(sd, loss);
                    value.putScalar(idx, orig);
                    double numeric = (up - down) / (2 * h);
                    double roundoff = ROUNDOFF * (Math.abs(up) + Math.abs(down)) / h;
                    agrees = Math.abs(numeric - auto) <= GRADIENT_TOLERANCE * Math.max(1.0, Math.abs(numeric)) + roundoff;
                    tried += String.format(" %s (h=%.0e)", numeric, h);
                }
                if (!agrees) {
                    fail(flowCase + " d=" + dim + ": d loss / d " + name + "[" + idx + "] is " + auto
                            + " by autodiff but finite differences give" + tried);
                }
            }
        }
    }

    private static double evaluate(SameDiff sd, SDVariable loss) {
        return sd.output(new HashMap<>(), loss.name()).get(loss.name()).getDouble(0);
    }
}
