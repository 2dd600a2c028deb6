package org.nf4j.data;

/**
 * Counter-based Bernoulli sampling of 8-bit intensities: pixel value v becomes 1 with probability
 * v / 255.
 *
 * <p>The random stream for one example is a SplitMix64 sequence keyed by (seed, epoch, example
 * index), so a draw depends only on those three numbers: not on batch size, shuffling, thread or
 * how many examples were drawn before. That makes dynamic binarisation reproducible and exactly
 * restorable from an {@link IteratorState}, and static binarisation identical across runs.
 *
 * <p>Each 64-bit output feeds two pixels; each pixel compares 24 uniform bits with a threshold
 * {@code round(v / 255 * 2^24)}, so the probability is exact to within 2^-25 (0 stays 0, 255 stays 1).
 */
public final class BernoulliSampler {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private static final int[] THRESHOLD = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            THRESHOLD[v] = (int) Math.round(v / 255.0 * (1 << 24));
        }
    }

    private BernoulliSampler() {
    }

    /**
     * The key of one example's random stream.
     *
     * @param seed the binarisation seed
     * @param epoch the epoch (a constant for static binarisation)
     * @param index the example's index in its split
     * @return the stream key
     */
    public static long key(long seed, long epoch, long index) {
        return mix(mix(mix(seed) + epoch * GOLDEN) + index);
    }

    /**
     * Samples {@code n} pixels as floats 0f/1f.
     *
     * @param src intensities 0..255 as unsigned bytes
     * @param srcOff first pixel
     * @param n number of pixels
     * @param key stream key from {@link #key(long, long, long)}
     * @param dst destination
     * @param dstOff first output position
     */
    public static void sample(byte[] src, int srcOff, int n, long key, float[] dst, int dstOff) {
        // The stream is counter-based: pair k uses mix(key + (k + 1) * GOLDEN). Pairs whose pixels are
        // both 0 or 255 (most of an MNIST digit) need no random word, and skipping it changes nothing.
        long state = key;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            state += GOLDEN;
            int a = src[srcOff + i] & 0xff;
            int b = src[srcOff + i + 1] & 0xff;
            if (((a + 1) & 0xff) <= 1 && ((b + 1) & 0xff) <= 1) {
                dst[dstOff + i] = a >>> 7;
                dst[dstOff + i + 1] = b >>> 7;
            } else {
                long z = mix(state);
                dst[dstOff + i] = (((int) (z >>> 40)) - THRESHOLD[a]) >>> 31;
                dst[dstOff + i + 1] = (((int) z & 0xffffff) - THRESHOLD[b]) >>> 31;
            }
        }
        if (i < n) {
            state += GOLDEN;
            long z = mix(state);
            dst[dstOff + i] = (((int) (z >>> 40)) - THRESHOLD[src[srcOff + i] & 0xff]) >>> 31;
        }
    }

    /**
     * Samples {@code n} pixels as bytes 0/1: the same bits {@link #sample(byte[], int, int, long,
     * float[], int)} gives for the same key.
     *
     * @param src intensities 0..255
     * @param srcOff first pixel
     * @param n number of pixels
     * @param key stream key
     * @param dst destination of 0/1 bytes
     * @param dstOff first output position
     */
    public static void sampleBits(byte[] src, int srcOff, int n, long key, byte[] dst, int dstOff) {
        long state = key;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            state += GOLDEN;
            long z = mix(state);
            dst[dstOff + i] = (byte) ((((int) (z >>> 40)) - THRESHOLD[src[srcOff + i] & 0xff]) >>> 31);
            dst[dstOff + i + 1] = (byte) ((((int) z & 0xffffff) - THRESHOLD[src[srcOff + i + 1] & 0xff]) >>> 31);
        }
        if (i < n) {
            state += GOLDEN;
            long z = mix(state);
            dst[dstOff + i] = (byte) ((((int) (z >>> 40)) - THRESHOLD[src[srcOff + i] & 0xff]) >>> 31);
        }
    }

    /** SplitMix64's finaliser (Stafford's mix 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
