package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nf4j.data.MnistSplitData;

/** Font-drawn digits: MNIST's shape, reproducible, labelled, and different from digit to digit. */
class SyntheticDigitsTest {

    @Test
    void reproducibleLabelledDigitsThatDifferByLabel() {
        MnistSplitData a = SyntheticDigits.split(40, 5);
        assertEquals(28, a.rows());
        assertEquals(40, a.size());
        assertArrayEquals(a.pixels(), SyntheticDigits.split(40, 5).pixels());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(i % 10, a.label(i));
            double ink = 0;
            for (int p = 0; p < 784; p++) {
                ink += a.pixel(i, p) / 255.0;
            }
            assertTrue(ink > 20 && ink < 400, "digit " + i + " has " + ink + " pixels of ink");
            assertEquals(0, a.pixel(i, 0), "the corner is background");
        }
        assertTrue(distance(a, 1, 11) < distance(a, 1, 8), "two ones are closer than a one and an eight");
    }

    private static double distance(MnistSplitData d, int i, int j) {
        double s = 0;
        for (int p = 0; p < 784; p++) {
            s += Math.pow(d.pixel(i, p) - d.pixel(j, p), 2);
        }
        return s;
    }
}
