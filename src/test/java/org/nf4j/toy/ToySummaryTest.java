package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** summary.json: today's field names, a round trip, and the files written before (ToyGrid reuses them). */
class ToySummaryTest {

    private static final ToySummary SUMMARY = new ToySummary("u3", "nice-perm", 8, 20000, -1.8234567891, 0.0123456789,
            100000, 1.8775123, 0.0540555, 1234.56, "histogram", 3000, 4);

    @Test
    void roundTripsWithTodaysFieldNames() {
        String json = SUMMARY.toJson();
        assertEquals(SUMMARY, ToySummary.parse(json));
        assertTrue(json.startsWith("{\n  \"target\": \"u3\",\n  \"flow\": \"nice-perm\",\n  \"k\": 8,\n  \"steps\": 20000,\n"
                + "  \"bound\": -1.8234567891,\n  \"bound_se\": 0.0123456789,\n  \"eval_samples\": 100000,\n"
                + "  \"log_z\": 1.8775123,\n  \"exact_kl\": 0.0540555,\n  \"exact_kl_se\": 0.0123456789,\n"
                + "  \"train_seconds\": 1234.56,\n  \"density\": \"histogram\",\n  \"resumed_from_step\": 3000,\n"
                + "  \"targets_trained_together\": 4\n}\n"), json);
    }

    @Test
    void readsTheFilesWrittenBeforeJackson() {
        String old = """
                {
                  "target": "u3",
                  "flow": "nice-perm",
                  "k": 8,
                  "steps": 20000,
                  "bound": -1.823457,
                  "bound_se": 0.012346,
                  "eval_samples": 100000,
                  "log_z": 1.877512,
                  "exact_kl": 0.054056,
                  "exact_kl_se": 0.012346,
                  "train_seconds": 1234.6,
                  "density": "histogram",
                  "resumed_from_step": 3000,
                  "targets_trained_together": 4
                }
                """;
        assertEquals(new ToySummary("u3", "nice-perm", 8, 20000, -1.823457, 0.012346, 100000, 1.877512, 0.054056, 1234.6,
                "histogram", 3000, 4), ToySummary.parse(old));
        // before runs resumed and the grid trained targets together; NaN as %.6f wrote it
        String older = old.replace("0.012346,\n  \"eval", "NaN,\n  \"eval")
                .replace(",\n  \"resumed_from_step\": 3000,\n  \"targets_trained_together\": 4", "");
        ToySummary s = ToySummary.parse(older);
        assertTrue(Double.isNaN(s.boundSe()), older);
        assertEquals(0, s.resumedFrom());
        assertEquals(1, s.trainedWith());
    }

    @Test
    void aMissingResultIsAOneLineError() {
        String json = SUMMARY.toJson().replace("  \"bound\": -1.8234567891,\n", "");
        assertEquals("no \"bound\" in the JSON object",
                assertThrows(IllegalArgumentException.class, () -> ToySummary.parse(json)).getMessage());
    }
}
