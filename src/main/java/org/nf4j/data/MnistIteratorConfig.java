package org.nf4j.data;

/**
 * Settings of a {@link MnistIterator}.
 *
 * @param batchSize examples per batch (the last batch of an epoch may be smaller)
 * @param binarization dynamic or static
 * @param shuffle whether each epoch uses a fresh seeded permutation (else natural order)
 * @param shuffleSeed seed of the permutations
 * @param binarizationSeed seed of the Bernoulli draws
 * @param labels whether batches carry one-hot labels
 * @param prefetch capacity of the queue of batches prepared ahead by the background thread
 */
public record MnistIteratorConfig(int batchSize, Binarization binarization, boolean shuffle, long shuffleSeed,
                                  long binarizationSeed, boolean labels, int prefetch) {
    /** Default shuffle seed. */
    public static final long DEFAULT_SHUFFLE_SEED = 20150521L;
    /** Default binarisation seed (also the fixed seed of static binarisation). */
    public static final long DEFAULT_BINARIZATION_SEED = 1234L;

    /** Validates the settings. */
    public MnistIteratorConfig {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        if (prefetch <= 0) {
            throw new IllegalArgumentException("prefetch must be positive: " + prefetch);
        }
        if (binarization == null) {
            throw new IllegalArgumentException("binarization must be given");
        }
    }

    /**
     * @return batch 100, dynamic binarisation, shuffled, default seeds, no labels, 4 batches ahead
     */
    public static MnistIteratorConfig defaults() {
        return new MnistIteratorConfig(100, Binarization.DYNAMIC, true, DEFAULT_SHUFFLE_SEED,
                DEFAULT_BINARIZATION_SEED, false, 4);
    }

    /** @param b batch size @return a copy with it */
    public MnistIteratorConfig withBatchSize(int b) {
        return new MnistIteratorConfig(b, binarization, shuffle, shuffleSeed, binarizationSeed, labels, prefetch);
    }

    /** @param b binarisation @return a copy with it */
    public MnistIteratorConfig withBinarization(Binarization b) {
        return new MnistIteratorConfig(batchSize, b, shuffle, shuffleSeed, binarizationSeed, labels, prefetch);
    }

    /** @param s whether to shuffle @return a copy with it */
    public MnistIteratorConfig withShuffle(boolean s) {
        return new MnistIteratorConfig(batchSize, binarization, s, shuffleSeed, binarizationSeed, labels, prefetch);
    }

    /** @param seed shuffle seed @return a copy with it */
    public MnistIteratorConfig withShuffleSeed(long seed) {
        return new MnistIteratorConfig(batchSize, binarization, shuffle, seed, binarizationSeed, labels, prefetch);
    }

    /** @param seed binarisation seed @return a copy with it */
    public MnistIteratorConfig withBinarizationSeed(long seed) {
        return new MnistIteratorConfig(batchSize, binarization, shuffle, shuffleSeed, seed, labels, prefetch);
    }

    /** @param l whether to include labels @return a copy with it */
    public MnistIteratorConfig withLabels(boolean l) {
        return new MnistIteratorConfig(batchSize, binarization, shuffle, shuffleSeed, binarizationSeed, l, prefetch);
    }

    /** @param p queue capacity @return a copy with it */
    public MnistIteratorConfig withPrefetch(int p) {
        return new MnistIteratorConfig(batchSize, binarization, shuffle, shuffleSeed, binarizationSeed, labels, p);
    }
}
