/**
 * The engine of nf4j's sweeps ({@code table2}, {@code toy-grid}) on Apache Spark: every cell of a
 * sweep (one training run and its evaluation, or one group of 2-D targets trained together) is one
 * Spark task in a partition of its own, longest first; the driver receives each cell's result as
 * soon as its task finishes and writes the tables and figures.
 *
 * <p>Spark runs embedded ({@code local[N]}) by default, or on a standalone, YARN or Kubernetes
 * cluster by its master URL ({@link org.nf4j.spark.SparkSettings}). Cells are idempotent: a retried
 * or re-run cell resumes from its own checkpoints, and a lock on its run folders
 * ({@link org.nf4j.train.RunLock}) keeps two attempts from writing the same run. Entry point:
 * {@link org.nf4j.spark.SweepEngine}. Nothing here knows of picocli, MNIST or the 2-D targets.
 */
package org.nf4j.spark;
