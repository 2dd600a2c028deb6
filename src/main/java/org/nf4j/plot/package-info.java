/**
 * PNG pictures drawn with plain Java2D (headless, {@link javax.imageio.ImageIO}), no extra
 * dependencies: density heat maps ({@link org.nf4j.plot.DensityImage}), figure grids in the style
 * of Figure 3 of Rezende &amp; Mohamed 2015 ({@link org.nf4j.plot.FigureGrid}), line plots
 * ({@link org.nf4j.plot.LinePlot}) and grids of grey-scale images such as MNIST digits
 * ({@link org.nf4j.plot.ImageGrid}).
 */
package org.nf4j.plot;
