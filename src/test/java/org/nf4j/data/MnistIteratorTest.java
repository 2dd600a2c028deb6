package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

class MnistIteratorTest {
    private static final int N = 1037; // not a multiple of the batch size
    private static final int P = 16;

    private static MnistSplitData data() {
        byte[] px = new byte[N * P];
        byte[] labels = new byte[N];
        for (int i = 0; i < N; i++) {
            for (int p = 0; p < P; p++) {
                px[i * P + p] = (byte) IdxTestFiles.pixel(i, p);
            }
            labels[i] = (byte) IdxTestFiles.label(i);
        }
        return new MnistSplitData(px, labels, 4, 4);
    }

    private static MnistIteratorConfig config() {
        return MnistIteratorConfig.defaults().withBatchSize(100).withLabels(true).withPrefetch(3);
    }

    private static int[] epochOrder(MnistIterator it) {
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            for (int i : it.next().indices()) {
                order.add(i);
            }
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyExampleExactlyOncePerEpochAndEpochsShuffledDifferently() {
        MnistSplitData data = data();
        try (MnistIterator it = new MnistIterator(data, config())) {
            assertEquals(11, it.batchesPerEpoch());
            int[] previous = null;
            for (int e = 0; e < 3; e++) {
                assertEquals(e, it.epoch());
                int[] order = epochOrder(it);
                assertEquals(N, order.length);
                int[] sorted = order.clone();
                Arrays.sort(sorted);
                for (int i = 0; i < N; i++) {
                    assertEquals(i, sorted[i], "epoch " + e + " must contain each example once");
                }
                assertFalse(Arrays.equals(sorted, order), "epoch " + e + " must be shuffled");
                if (previous != null) {
                    assertFalse(Arrays.equals(previous, order), "epochs must be shuffled differently");
                }
                previous = order;
                assertThrows(NoSuchElementException.class, it::next);
                it.nextEpoch();
            }
        }
    }

    @Test
    void unshuffledIteratesInOrder() {
        try (MnistIterator it = new MnistIterator(data(), config().withShuffle(false))) {
            int[] order = epochOrder(it);
            for (int i = 0; i < N; i++) {
                assertEquals(i, order[i]);
            }
        }
    }

    @Test
    void batchesAreFloatZeroOneWithOneHotLabels() {
        MnistSplitData data = data();
        try (MnistIterator it = new MnistIterator(data, config())) {
            int total = 0;
            while (it.hasNext()) {
                MnistBatch b = it.next();
                assertEquals(DataType.FLOAT, b.features().dataType());
                assertArrayEquals(new long[] {b.size(), P}, b.features().shape());
                assertArrayEquals(new long[] {b.size(), 10}, b.labels().shape());
                float[] f = b.features().data().asFloat();
                for (float v : f) {
                    assertTrue(v == 0f || v == 1f);
                }
                float[] y = b.labels().data().asFloat();
                for (int r = 0; r < b.size(); r++) {
                    int ex = b.indices()[r];
                    for (int c = 0; c < 10; c++) {
                        assertEquals(c == data.label(ex) ? 1f : 0f, y[r * 10 + c]);
                    }
                    for (int p = 0; p < P; p++) { // intensities 0 and 255 are deterministic
                        int v = data.pixel(ex, p);
                        if (v == 0 || v == 255) {
                            assertEquals(v == 255 ? 1f : 0f, f[r * P + p]);
                        }
                    }
                }
                total += b.size();
            }
            assertEquals(N, total);
            assertEquals(N, it.state().position());
        }
        try (MnistIterator it = new MnistIterator(data, config().withLabels(false))) {
            assertEquals(null, it.next().labels());
        }
    }

    private static List<float[]> take(MnistIterator it, int batches) {
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < batches; k++) {
            if (!it.hasNext()) {
                it.nextEpoch();
            }
            MnistBatch b = it.next();
            float[] f = b.features().data().asFloat();
            float[] withIdx = Arrays.copyOf(f, f.length + b.size());
            for (int r = 0; r < b.size(); r++) {
                withIdx[f.length + r] = b.indices()[r];
            }
            out.add(withIdx);
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Binarization.class)
    void restoreMidEpochReproducesFollowingBatches(Binarization bin) {
        MnistSplitData data = data();
        MnistIteratorConfig cfg = config().withBinarization(bin);
        IteratorState saved;
        List<float[]> expected;
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            take(it, 11 + 4); // one epoch and 4 batches into the second
            saved = it.state();
            assertEquals(1, saved.epoch());
            assertEquals(400, saved.position());
            expected = take(it, 20); // crosses into the third epoch
        }
        IteratorState parsed = IteratorState.parse(saved.encode());
        assertEquals(saved, parsed);
        try (MnistIterator fresh = new MnistIterator(data, cfg, parsed)) {
            List<float[]> actual = take(fresh, 20);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), actual.get(k), "batch " + k + " after restore");
            }
        }
        // restoring into a running iterator (different config seeds: the state's seeds win)
        try (MnistIterator other = new MnistIterator(data, cfg.withShuffleSeed(7).withBinarizationSeed(8))) {
            take(other, 3);
            other.restore(saved);
            List<float[]> actual = take(other, 20);
            for (int k = 0; k < expected.size(); k++) {
                assertArrayEquals(expected.get(k), actual.get(k), "batch " + k + " after in-place restore");
            }
        }
    }

    @Test
    void restoreAtEpochEnd() {
        MnistSplitData data = data();
        try (MnistIterator it = new MnistIterator(data, config())) {
            epochOrder(it);
            IteratorState end = it.state();
            assertEquals(N, end.position());
            it.nextEpoch();
            int[] next = epochOrder(it);
            try (MnistIterator fresh = new MnistIterator(data, config(), end)) {
                assertFalse(fresh.hasNext());
                fresh.nextEpoch();
                assertArrayEquals(next, epochOrder(fresh));
            }
        }
    }

    @Test
    void nextEpochMidEpochSkipsTheRest() {
        try (MnistIterator it = new MnistIterator(data(), config())) {
            it.next();
            it.nextEpoch();
            assertEquals(1, it.epoch());
            assertEquals(0, it.state().position());
            assertEquals(N, epochOrder(it).length);
        }
    }

    @Test
    void badStateAndConfigRejected() {
        assertThrows(IllegalArgumentException.class, () -> IteratorState.parse("epoch=1,position=2"));
        assertThrows(IllegalArgumentException.class, () -> new IteratorState(-1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> config().withBatchSize(0));
        try (MnistIterator it = new MnistIterator(data(), config())) {
            assertThrows(IllegalArgumentException.class, () -> it.restore(new IteratorState(0, N + 1, 1, 2)));
        }
        MnistSplitData unlabeled = new MnistSplitData(new byte[P], null, 4, 4);
        assertThrows(IllegalArgumentException.class, () -> new MnistIterator(unlabeled, config()));
    }
}
