package org.nf4j.data;

import java.util.Locale;

/**
 * How grey MNIST pixels (intensity p = value / 255) become 0/1.
 *
 * <p>Both draw each pixel as Bernoulli(p) with {@link BernoulliSampler}; they differ in how often.
 */
public enum Binarization {
    /**
     * A fresh sample every time an example is served: the draw depends on the seed, the epoch and
     * the example index, so it changes from epoch to epoch yet is reproducible (and restorable).
     */
    DYNAMIC,
    /**
     * One sample per example, drawn once with a fixed seed and reused in every epoch and every run,
     * so all runs with the same seed see identical binary digits.
     */
    STATIC;

    /** @return the lower-case name used on the command line */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a name case-insensitively.
     *
     * @param s "dynamic" or "static"
     * @return the binarisation
     * @throws IllegalArgumentException for an unknown name
     */
    public static Binarization parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown binarization '" + s + "': use dynamic or static");
        }
    }
}
