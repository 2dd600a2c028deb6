package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nf4j.Float64;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.targets.Targets;

/** The exact density of q_K through the inverse flow is a normalised density. */
@ExtendWith(Float64.class)
class ToyModelTest {

    @ParameterizedTest
    @EnumSource(value = FlowKind.class, names = {"RADIAL", "NICE_PERM", "NICE_ORTH", "CIRCULAR", "HOUSEHOLDER", "IAF", "IAF_WIDE", "AFFINE_COUPLING"})
    void exactDensityIntegratesToOne(FlowKind kind) {
        ToyModel model = new ToyModel(Targets.byName("u1"), kind, 3, FlowOptions.defaults(), 4);
        int n = 600;
        double half = 30;
        double cell = 2 * half / n;
        double[][] grid = new double[n * n][];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                grid[j * n + i] = new double[] {-half + (i + 0.5) * cell, -half + (j + 0.5) * cell};
            }
        }
        double mass = 0;
        for (double lq : model.logDensity(grid)) {
            mass += Math.exp(lq) * cell * cell;
        }
        assertEquals(1.0, mass, 0.01, kind + ": the density integrates to " + mass);
    }
}
