package org.nf4j.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Tiles arranged in rows x columns with a title above, column labels over each column and row
 * labels left of each row, like Figure 3 of Rezende &amp; Mohamed 2015 (targets in rows, flow
 * lengths K = 2, 8, 32 in columns). Each cell is as large as the largest tile; tiles are
 * centred in their cells; missing tiles are left light grey.
 */
public final class FigureGrid {
    private static final int GAP = 6;
    private static final int MARGIN = 10;
    private static final int TITLE_HEIGHT = 30;
    private static final int LABEL_HEIGHT = 22;

    private final String title;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final BufferedImage[][] tiles;

    /** An empty grid with one row per row label and one column per column label. */
    public FigureGrid(String title, List<String> rowLabels, List<String> columnLabels) {
        if (rowLabels.isEmpty() || columnLabels.isEmpty()) {
            throw new IllegalArgumentException("need at least one row and one column");
        }
        this.title = title;
        this.rowLabels = List.copyOf(rowLabels);
        this.columnLabels = List.copyOf(columnLabels);
        this.tiles = new BufferedImage[rowLabels.size()][columnLabels.size()];
    }

    /** Places a tile in cell (row, column); returns this. */
    public FigureGrid set(int row, int column, BufferedImage tile) {
        tiles[row][column] = tile;
        return this;
    }

    /** The composed figure. */
    public BufferedImage render() {
        int cellW = 1;
        int cellH = 1;
        for (BufferedImage[] row : tiles) {
            for (BufferedImage t : row) {
                if (t != null) {
                    cellW = Math.max(cellW, t.getWidth());
                    cellH = Math.max(cellH, t.getHeight());
                }
            }
        }
        Canvas probe = new Canvas(1, 1);
        int labelW = 0;
        for (String s : rowLabels) {
            labelW = Math.max(labelW, probe.width(s, Canvas.LABEL));
        }
        probe.finish();
        labelW += 2 * GAP;
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        int top = MARGIN + (title == null || title.isEmpty() ? 0 : TITLE_HEIGHT) + LABEL_HEIGHT;
        int left = MARGIN + labelW;
        int width = left + cols * cellW + (cols - 1) * GAP + MARGIN;
        int height = top + rows * cellH + (rows - 1) * GAP + MARGIN;

        Canvas c = new Canvas(width, height);
        if (title != null && !title.isEmpty()) {
            c.centred(title, Canvas.TITLE, width / 2.0, MARGIN + TITLE_HEIGHT / 2.0);
        }
        for (int col = 0; col < cols; col++) {
            int x = left + col * (cellW + GAP);
            c.centred(columnLabels.get(col), Canvas.LABEL, x + cellW / 2.0, top - LABEL_HEIGHT / 2.0);
        }
        for (int row = 0; row < rows; row++) {
            int y = top + row * (cellH + GAP);
            c.g.setColor(Color.BLACK);
            c.centred(rowLabels.get(row), Canvas.LABEL, MARGIN + labelW / 2.0, y + cellH / 2.0);
            for (int col = 0; col < cols; col++) {
                int x = left + col * (cellW + GAP);
                BufferedImage t = tiles[row][col];
                if (t == null) {
                    c.g.setColor(new Color(0xeeeeee));
                    c.g.fillRect(x, y, cellW, cellH);
                } else {
                    c.g.drawImage(t, x + (cellW - t.getWidth()) / 2, y + (cellH - t.getHeight()) / 2, null);
                }
            }
        }
        return c.finish();
    }

    /** Renders and writes the figure as PNG. */
    public void write(Path file) throws IOException {
        Png.write(render(), file);
    }
}
