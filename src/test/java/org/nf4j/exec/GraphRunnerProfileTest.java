package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.Float64;

/** A compiled plan's profile: every op counted once by kind, and the slowest ops named with their input shapes. */
@ExtendWith(Float64.class)
class GraphRunnerProfileTest {

    private static GraphRunner runner(Executor executor) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 2);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.DOUBLE, 2, 1));
        sd.identity("loss", sd.math.tanh(x.mmul("product", w)).sum()).markAsLoss();
        return GraphRunner.gradients(sd, List.of("loss"), List.of("w"), executor);
    }

    @Test
    void everyOpIsCountedOnceAndTheSlowestAreListedWithShapes() {
        GraphRunner runner = runner(Executor.COMPILED);
        Map<String, INDArray> feed = Map.of("x", Nd4j.rand(DataType.DOUBLE, 3, 2));
        List<String> lines = runner.profile(feed, 3, 2);
        int header = lines.indexOf("slowest ops (output, input shapes):");
        assertTrue(header > 0, String.join("\n", lines));
        int counted = 0;
        for (String line : lines.subList(0, header)) {
            counted += Integer.parseInt(line.replaceAll("^\\S+\\s+(\\d+) ops.*$", "$1"));
        }
        assertEquals(runner.planSize(feed), counted, String.join("\n", lines));
        List<String> slowest = lines.subList(header + 1, lines.size());
        assertEquals(2, slowest.size());
        List<String> all = runner.profile(feed, 1, 1000);
        List<String> every = all.subList(all.indexOf("slowest ops (output, input shapes):") + 1, all.size());
        assertEquals(runner.planSize(feed), every.size());
        assertTrue(every.stream().anyMatch(l -> l.contains("matmul product [3, 2] [2, 1]")), String.join("\n", every));
        double previous = Double.MAX_VALUE;
        for (String line : every) {
            double ms = Double.parseDouble(line.trim().split("\\s+")[0]);
            assertTrue(ms <= previous, "slowest first: " + every);
            previous = ms;
        }
    }

    @Test
    void sameDiffsSessionHasNoPlanToProfile() {
        GraphRunner runner = runner(Executor.SAMEDIFF);
        Map<String, INDArray> feed = Map.of("x", Nd4j.rand(DataType.DOUBLE, 3, 2));
        assertThrows(IllegalStateException.class, () -> runner.profile(feed, 1, 5));
    }
}
