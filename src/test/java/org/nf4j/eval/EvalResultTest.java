package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** eval.json: today's field names, NaN standard errors as null, a round trip, and the files written before. */
class EvalResultTest {

    @Test
    void oneExampleHasNoStandardErrorsWrittenAsNullAndReadAsNaN() {
        EvalResult one = new EvalResult("planar-k10-adam-seed1", "C:\\runs\\best \"b\".zip", 12000, "test", 1, 200, 1,
                95.123456789, Double.NaN, 92.5, Double.NaN, 2.623456789, Double.NaN, 3.21);
        String json = one.toJson();
        assertEquals("""
                {
                  "run": "planar-k10-adam-seed1",
                  "checkpoint": "C:\\\\runs\\\\best \\"b\\".zip",
                  "checkpoint_step": 12000,
                  "split": "test",
                  "examples": 1,
                  "is_samples": 200,
                  "seed": 1,
                  "binarization": "static",
                  "neg_elbo": 95.123456789,
                  "neg_elbo_se": null,
                  "neg_log_px_is": 92.5,
                  "neg_log_px_is_se": null,
                  "kl_estimate": 2.623456789,
                  "kl_estimate_se": null,
                  "seconds": 3.21
                }
                """, json);
        EvalResult back = EvalResult.parse(json);
        assertTrue(Double.isNaN(back.negElboSe()) && Double.isNaN(back.negLogPxIsSe()) && Double.isNaN(back.klEstimateSe()));
        // records compare doubles by their bits, so NaN equals NaN
        assertEquals(one, back);
    }

    @Test
    void readsTheFilesWrittenBeforeJackson() {
        String old = """
                {
                  "run": "r",
                  "checkpoint": "C:\\\\runs\\\\best \\"b\\".zip",
                  "checkpoint_step": 12000,
                  "split": "validation",
                  "examples": 25,
                  "is_samples": 30,
                  "seed": 7,
                  "binarization": "static",
                  "neg_elbo": 95.100000,
                  "neg_elbo_se": 1.200000,
                  "neg_log_px_is": 92.500000,
                  "neg_log_px_is_se": 1.100000,
                  "kl_estimate": 2.600000,
                  "kl_estimate_se": 0.100000,
                  "seconds": 3.2
                }
                """;
        assertEquals(new EvalResult("r", "C:\\runs\\best \"b\".zip", 12000, "validation", 25, 30, 7, 95.1, 1.2, 92.5, 1.1, 2.6,
                0.1, 3.2), EvalResult.parse(old));
    }

    @Test
    void badFilesAreOneLineErrors() {
        String json = new EvalResult("r", "c.zip", 1, "test", 25, 30, 7, 1, 1, 1, 1, 0, 0, 1).toJson();
        assertEquals("examples must be a whole number, got '2.5'", assertThrows(IllegalArgumentException.class,
                () -> EvalResult.parse(json.replace("\"examples\": 25", "\"examples\": 2.5"))).getMessage());
        assertEquals("no \"split\" in the JSON object", assertThrows(IllegalArgumentException.class,
                () -> EvalResult.parse(json.replace("  \"split\": \"test\",\n", ""))).getMessage());
        assertEquals("Unexpected end-of-input within/between Object entries", assertThrows(IllegalArgumentException.class,
                () -> EvalResult.parse(json.substring(0, 40))).getMessage());
    }
}
