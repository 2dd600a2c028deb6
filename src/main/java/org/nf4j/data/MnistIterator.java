package org.nf4j.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Shuffled, binarised, prefetched minibatches of one in-memory split.
 *
 * <p>An epoch is one pass over a seeded permutation of the split ({@code java.util.Random} keyed by
 * shuffle seed and epoch); every example appears exactly once per epoch, the last batch may be
 * smaller. {@link #hasNext()} turns false at the end of an epoch; {@link #nextEpoch()} starts the
 * next one. A daemon thread prepares batches ahead into a small bounded queue, continuing across
 * epoch boundaries, so the consumer does not wait on data.
 *
 * <p>{@link #state()} is the position after the last batch returned; {@link #restore} (or the
 * constructor taking a state) continues from such a state with exactly the batches that would have
 * followed it. Not thread-safe: one consumer. Close it to stop the background thread.
 */
public final class MnistIterator implements Iterator<MnistBatch>, AutoCloseable {
    /** Epoch used in the stream key of static binarisation (never a real epoch). */
    static final long STATIC_EPOCH = -1L;
    private static final long JOIN_MILLIS = 5_000;

    private final MnistSplitData data;
    private final MnistIteratorConfig config;
    private final int n;
    private final int pixelsPer;
    private byte[] staticBits;
    private long staticBitsSeed;
    private IteratorState state;
    private Producer producer;

    /**
     * Starts at epoch 0, position 0, with the config's seeds.
     *
     * @param data the split
     * @param config settings
     */
    public MnistIterator(MnistSplitData data, MnistIteratorConfig config) {
        this(data, config, new IteratorState(0, 0, config.shuffleSeed(), config.binarizationSeed()));
    }

    /**
     * Starts from a saved state (whose seeds take precedence over the config's).
     *
     * @param data the split
     * @param config settings
     * @param state where to continue
     */
    public MnistIterator(MnistSplitData data, MnistIteratorConfig config, IteratorState state) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot iterate over an empty split");
        }
        if (config.labels() && !data.hasLabels()) {
            throw new IllegalArgumentException("labels requested but the split has none");
        }
        this.data = data;
        this.config = config;
        this.n = data.size();
        this.pixelsPer = data.pixelsPerExample();
        restore(state);
    }

    /** @return the settings */
    public MnistIteratorConfig config() {
        return config;
    }

    /** @return examples per epoch */
    public int numExamples() {
        return n;
    }

    /** @return batches per epoch, counting a final partial batch */
    public int batchesPerEpoch() {
        return (n + config.batchSize() - 1) / config.batchSize();
    }

    /** @return the current epoch */
    public int epoch() {
        return state.epoch();
    }

    /** @return the position after the last batch returned, for checkpoints */
    public IteratorState state() {
        return state;
    }

    /**
     * Continues from a saved state: the following batches are exactly those that followed it.
     *
     * @param saved a state from {@link #state()} of an iterator over the same split
     */
    public void restore(IteratorState saved) {
        if (saved.position() > n) {
            throw new IllegalArgumentException("state position " + saved.position() + " exceeds split size " + n);
        }
        stopProducer();
        this.state = saved;
        if (config.binarization() == Binarization.STATIC
                && (staticBits == null || staticBitsSeed != saved.binarizationSeed())) {
            staticBits = staticSample(data, saved.binarizationSeed());
            staticBitsSeed = saved.binarizationSeed();
        }
        startProducer(saved);
    }

    /** @return true while the current epoch has examples left */
    @Override
    public boolean hasNext() {
        return state.position() < n;
    }

    /** @return the next batch of the current epoch */
    @Override
    public MnistBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + state.epoch() + " is over: call nextEpoch()");
        }
        Item item;
        try {
            item = producer.queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a batch", e);
        }
        if (item.error != null) {
            producer.queue.offer(item); // keep failing on later calls
            if (item.error instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("batch preparation failed: " + item.error, item.error);
        }
        state = item.after;
        return item.batch;
    }

    /** Moves to the start of the next epoch (skipping what is left of the current one). */
    public void nextEpoch() {
        IteratorState next = new IteratorState(state.epoch() + 1, 0, state.shuffleSeed(), state.binarizationSeed());
        if (state.position() >= n) {
            state = next; // the producer is already working on this epoch
        } else {
            restore(next);
        }
    }

    /** Stops the background thread. */
    @Override
    public void close() {
        stopProducer();
    }

    /**
     * The permutation of an epoch.
     *
     * @param size split size
     * @param shuffleSeed seed
     * @param epoch epoch
     * @param shuffle false for the identity
     * @return example indices in serving order
     */
    static int[] permutation(int size, long shuffleSeed, int epoch, boolean shuffle) {
        int[] perm = new int[size];
        for (int i = 0; i < size; i++) {
            perm[i] = i;
        }
        if (shuffle) {
            Random rng = new Random(BernoulliSampler.key(shuffleSeed, epoch, 0L));
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
        }
        return perm;
    }

    /**
     * The fixed sample of static binarisation: example i uses the stream keyed by (seed, {@link
     * #STATIC_EPOCH}, i), so it is the same in every run.
     *
     * @param data the split
     * @param seed binarisation seed
     * @return 0/1 bytes, one per pixel
     */
    static byte[] staticSample(MnistSplitData data, long seed) {
        int per = data.pixelsPerExample();
        byte[] bits = new byte[data.pixels().length];
        for (int i = 0; i < data.size(); i++) {
            BernoulliSampler.sampleBits(data.pixels(), i * per, per,
                    BernoulliSampler.key(seed, STATIC_EPOCH, i), bits, i * per);
        }
        return bits;
    }

    /**
     * Builds the batch of examples {@code perm[from..from+count)} of an epoch.
     */
    private MnistBatch build(int[] perm, int from, int count, int epoch, long binSeed, float[] x) {
        float[] y = config.labels() ? new float[count * MnistFiles.CLASSES] : null;
        int[] idx = new int[count];
        byte[] pixels = data.pixels();
        for (int r = 0; r < count; r++) {
            int ex = perm[from + r];
            idx[r] = ex;
            int src = ex * pixelsPer;
            int dst = r * pixelsPer;
            if (config.binarization() == Binarization.STATIC) {
                byte[] bits = staticBits;
                for (int p = 0; p < pixelsPer; p++) {
                    x[dst + p] = bits[src + p];
                }
            } else {
                BernoulliSampler.sample(pixels, src, pixelsPer, BernoulliSampler.key(binSeed, epoch, ex), x, dst);
            }
            if (y != null) {
                y[r * MnistFiles.CLASSES + data.label(ex)] = 1f;
            }
        }
        // x is the producer's reusable scratch buffer: copy it into a fresh native array
        INDArray features = Nd4j.createUninitialized(DataType.FLOAT, count, pixelsPer);
        features.data().asNioFloat().put(x, 0, count * pixelsPer);
        org.nf4j.runtime.HostMemory.afterWrite(features);
        INDArray labels = y == null ? null : Nd4j.create(y, new long[] {count, MnistFiles.CLASSES}, DataType.FLOAT);
        return new MnistBatch(features, labels, idx, epoch);
    }

    private void startProducer(IteratorState from) {
        producer = new Producer(from, new ArrayBlockingQueue<>(config.prefetch()));
        Thread t = new Thread(producer, "mnist-prefetch");
        t.setDaemon(true);
        producer.thread = t;
        t.start();
    }

    private void stopProducer() {
        Producer p = producer;
        producer = null;
        if (p != null) {
            p.stopped = true;
            p.thread.interrupt();
            try {
                p.thread.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A prepared batch and the state after it, or a failure. */
    private record Item(MnistBatch batch, IteratorState after, Throwable error) {
    }

    /** Background preparation of batches from a starting state onwards, across epochs. */
    private final class Producer implements Runnable {
        final BlockingQueue<Item> queue;
        final IteratorState start;
        volatile boolean stopped;
        Thread thread;

        Producer(IteratorState start, BlockingQueue<Item> queue) {
            this.start = start;
            this.queue = queue;
        }

        @Override
        public void run() {
            int epoch = start.epoch();
            int position = start.position();
            long shuffleSeed = start.shuffleSeed();
            long binSeed = start.binarizationSeed();
            int[] perm = null;
            int batch = config.batchSize();
            float[] scratch = new float[batch * pixelsPer];
            try {
                while (!stopped) {
                    if (position >= n) {
                        epoch++;
                        position = 0;
                        perm = null;
                    }
                    if (perm == null) {
                        perm = permutation(n, shuffleSeed, epoch, config.shuffle());
                    }
                    int count = Math.min(batch, n - position);
                    MnistBatch b = build(perm, position, count, epoch, binSeed, scratch);
                    position += count;
                    queue.put(new Item(b, new IteratorState(epoch, position, shuffleSeed, binSeed), null));
                }
            } catch (InterruptedException e) {
                // stopped
            } catch (Throwable t) {
                if (!stopped) {
                    try {
                        queue.offer(new Item(null, null, t), 1, TimeUnit.MINUTES);
                    } catch (InterruptedException ignored) {
                        // stopped
                    }
                }
            }
        }
    }
}
