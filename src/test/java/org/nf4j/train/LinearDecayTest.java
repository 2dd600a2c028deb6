package org.nf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinearDecayTest {

    @Test
    void fallsLinearlyAndStaysAtZeroAfterItsLength() {
        LinearDecay d = new LinearDecay(0.5, 4);
        assertEquals(0.5, d.valueAt(0, 0), 0.0);
        assertEquals(0.375, d.valueAt(1, 0), 1e-15);
        assertEquals(0.125, d.valueAt(3, 0), 1e-15);
        assertEquals(0.0, d.valueAt(4, 0), 0.0);
        assertEquals(0.0, d.valueAt(100, 7), 0.0);
        assertEquals(0.25, d.clone().valueAt(2, 0), 1e-15);
    }

    @Test
    void needsAPositiveLength() {
        assertThrows(IllegalArgumentException.class, () -> new LinearDecay(0.1, 0));
    }
}
