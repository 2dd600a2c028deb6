package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The folded NICE block computes exactly the step-by-step chain mixing -> coupling -> mixing ...,
 * whatever values its inert (masked) parameters hold, and those never get a gradient.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class NiceBlockTest {
    private static final int[] HIDDEN = {6, 5};

    private static double[][][] mixings(int steps, int d, boolean orthogonal, Random rng) {
        double[][][] m = new double[steps][][];
        for (int k = 0; k < steps; k++) {
            m[k] = orthogonal ? Orthogonal.random(d, rng) : FixedLinear.permutationMatrix(d, rng);
        }
        return m;
    }

    @ParameterizedTest(name = "d={0} K={1} orthogonal={2}")
    @CsvSource({"2,1,false", "2,4,false", "5,3,false", "5,3,true", "6,2,true", "3,5,true"})
    void equalsTheStepByStepChain(int d, int steps, boolean orthogonal) {
        Random rng = new Random(10L * d + steps);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        NiceBlock block = new NiceBlock(sd, "block", mixings(steps, d, orthogonal, rng), HIDDEN, 1.0, rng);
        // every block parameter random, the inert ones included: they must not matter
        for (String name : List.of("block/W0", "block/b0", "block/W1", "block/b1", "block/W2", "block/b2")) {
            INDArray a = sd.getVariable(name).getArr();
            sd.getVariable(name).setArray(Nd4j.randn(rng.nextLong(), a.shape()).castTo(DataType.DOUBLE));
        }
        List<Flow> reference = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            reference.add(FixedLinear.of(sd, "ref/mix" + k, block.mixing(k)));
            NiceCoupling c = new NiceCoupling(sd, "ref/c" + k, d, k, HIDDEN, 1.0, new Random(k));
            reference.add(c);
            copyWeights(sd, block, k, d);
        }
        SDVariable fused = block.forward(in).z();
        SDVariable chain = new FlowSequence(reference).forward(in).z();
        SDVariable back = block.inverse(fused);

        double[][] z = FlowChecks.gaussian(new Random(3), 7, d, 1.5);
        Map<String, INDArray> out = sd.output(Map.of("z", FlowChecks.array(z)), fused.name(), chain.name(), back.name());
        INDArray f = out.get(fused.name());
        INDArray c = out.get(chain.name());
        INDArray b = out.get(back.name());
        double moved = 0;
        for (int r = 0; r < z.length; r++) {
            for (int i = 0; i < d; i++) {
                assertEquals(c.getDouble(r, i), f.getDouble(r, i), 1e-12 * (1 + Math.abs(c.getDouble(r, i))));
                assertEquals(z[r][i], b.getDouble(r, i), 1e-10);
                moved += Math.abs(f.getDouble(r, i) - z[r][i]);
            }
        }
        assertTrue(moved > 0.1, "the block should move the points");
    }

    /** Copies step k's live block weights into the reference coupling ref/c<k>. */
    private static void copyWeights(SameDiff sd, NiceBlock block, int k, int d) {
        boolean[] conditioning = block.conditioning(k);
        int[] a = indices(conditioning, true);
        int[] b = indices(conditioning, false);
        int last = HIDDEN.length;
        for (int l = 0; l <= last; l++) {
            INDArray w = sd.getVariable("block/W" + l).getArr().slice(k);
            INDArray bias = sd.getVariable("block/b" + l).getArr().getRow(k);
            INDArray wRef = sd.getVariable("ref/c" + k + "/m/" + l + "/W").getArr();
            INDArray bRef = sd.getVariable("ref/c" + k + "/m/" + l + "/b").getArr();
            for (int i = 0; i < wRef.rows(); i++) {
                for (int j = 0; j < wRef.columns(); j++) {
                    int row = l == 0 ? a[i] : i;
                    int col = l == last ? b[j] : j;
                    wRef.putScalar(i, j, w.getDouble(row, col));
                }
            }
            for (int j = 0; j < bRef.length(); j++) {
                bRef.putScalar(j, bias.getDouble(l == last ? b[j] : j));
            }
        }
    }

    private static int[] indices(boolean[] mask, boolean value) {
        return java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i] == value).toArray();
    }

    @Test
    void inertParametersGetNoGradient() {
        int d = 5;
        int steps = 3;
        Random rng = new Random(5);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        NiceBlock block = new NiceBlock(sd, "block", mixings(steps, d, true, rng), HIDDEN, 1.0, rng);
        SDVariable y = block.forward(in).z();
        y.mul(y).sum().markAsLoss();
        Map<String, INDArray> g = sd.calculateGradients(
                Map.of("z", FlowChecks.array(FlowChecks.gaussian(rng, 9, d, 1.0))), "block/W0", "block/W2", "block/b2");
        for (int k = 0; k < steps; k++) {
            boolean[] conditioning = block.conditioning(k);
            for (int i = 0; i < d; i++) {
                double rowNorm = g.get("block/W0").slice(k).getRow(i).norm2Number().doubleValue();
                double colNorm = g.get("block/W2").slice(k).getColumn(i).norm2Number().doubleValue();
                double biasGrad = Math.abs(g.get("block/b2").getDouble(k, i));
                if (conditioning[i]) {
                    assertTrue(rowNorm > 0);
                    assertEquals(0.0, colNorm, 0.0);
                    assertEquals(0.0, biasGrad, 0.0);
                } else {
                    assertEquals(0.0, rowNorm, 0.0);
                    assertTrue(colNorm > 0);
                    assertTrue(biasGrad > 0);
                }
            }
        }
    }

    /** NICE-perm never lets two consecutive couplings shift the same coordinates (in 2-D: they alternate). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 4, 5})
    void consecutivePermutedCouplingsShiftDifferentCoordinates(int d) {
        for (long seed = 0; seed < 20; seed++) {
            SameDiff sd = SameDiff.create();
            FlowSequence f = NiceFlow.build(sd, "n", d, 8, NiceFlow.Mixing.PERMUTATION, new int[] {4}, 1.0, false,
                    new Random(seed));
            NiceBlock block = (NiceBlock) f.flows().get(0);
            for (int k = 1; k < 8; k++) {
                double[][] p = block.mixing(k);
                boolean[] before = block.conditioning(k - 1);
                boolean[] now = block.conditioning(k);
                boolean same = true;
                for (int i = 0; i < d; i++) {
                    int j = 0;
                    while (p[i][j] != 1.0) {
                        j++;
                    }
                    same &= now[j] == before[i];
                }
                org.junit.jupiter.api.Assertions.assertFalse(same, "seed " + seed + " step " + k);
            }
        }
    }
}
