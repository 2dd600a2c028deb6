/**
 * What notebook cells would otherwise repeat: where runs live ({@link org.nf4j.notebook.Workspace}),
 * a run loaded into its model with its samples, reconstructions and posterior
 * ({@link org.nf4j.notebook.LoadedRun}), a run's TensorBoard scalars as arrays
 * ({@link org.nf4j.notebook.Scalars}), a sweep's CSV ({@link org.nf4j.notebook.CsvTable}), pictures
 * a kernel shows inline ({@link org.nf4j.notebook.Show}), and small runs made on the spot when a
 * notebook finds none ({@link org.nf4j.notebook.TinyRuns}, {@link org.nf4j.notebook.ToyFits}).
 * Nothing here knows of Jupyter: every picture is a {@link java.awt.image.BufferedImage}.
 */
package org.nf4j.notebook;
