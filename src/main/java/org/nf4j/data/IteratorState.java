package org.nf4j.data;

import java.util.HashMap;
import java.util.Map;

/**
 * Where a {@link MnistIterator} is, as an immutable value for checkpoints: the epoch, how many
 * examples of that epoch's permutation have been served, and the seeds of the shuffle and of the
 * binarisation. All randomness is a pure function of these numbers, so restoring this state into
 * an iterator over the same data reproduces exactly the same subsequent batches.
 *
 * @param epoch the current epoch, from 0
 * @param position examples of this epoch already served (0..split size)
 * @param shuffleSeed seed of the per-epoch permutations
 * @param binarizationSeed seed of the Bernoulli draws
 */
public record IteratorState(int epoch, int position, long shuffleSeed, long binarizationSeed) {

    /** Validates the fields. */
    public IteratorState {
        if (epoch < 0 || position < 0) {
            throw new IllegalArgumentException("epoch and position must be >= 0: " + epoch + ", " + position);
        }
    }

    /** @return a single line, e.g. {@code epoch=3,position=1200,shuffleSeed=1,binarizationSeed=2} */
    public String encode() {
        return "epoch=" + epoch + ",position=" + position + ",shuffleSeed=" + shuffleSeed
                + ",binarizationSeed=" + binarizationSeed;
    }

    /**
     * Parses {@link #encode()}'s format.
     *
     * @param s the encoded state
     * @return the state
     * @throws IllegalArgumentException if a field is missing or malformed
     */
    public static IteratorState parse(String s) {
        Map<String, String> kv = new HashMap<>();
        for (String part : s.trim().split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("bad iterator state '" + s + "'");
            }
            kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        try {
            return new IteratorState(Integer.parseInt(req(kv, "epoch", s)), Integer.parseInt(req(kv, "position", s)),
                    Long.parseLong(req(kv, "shuffleSeed", s)), Long.parseLong(req(kv, "binarizationSeed", s)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad iterator state '" + s + "'", e);
        }
    }

    private static String req(Map<String, String> kv, String key, String s) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("iterator state '" + s + "' lacks " + key);
        }
        return v;
    }
}
