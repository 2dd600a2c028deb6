package org.nf4j.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CSV file with a header line, as nf4j writes them (e.g. {@code table2.csv}): comma-separated,
 * no quoting; columns are read by name, numbers as doubles (an empty field is NaN).
 */
public final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty: no header line");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> fields = List.of(lines.get(i).split(",", -1));
            if (fields.size() != header.size()) {
                throw new IOException(file + " line " + (i + 1) + " has " + fields.size() + " fields, the header " + header.size());
            }
            rows.add(fields);
        }
        return new CsvTable(header, rows);
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    /** One column's fields, top to bottom. */
    public List<String> column(String name) {
        int c = index(name);
        return rows.stream().map(r -> r.get(c)).toList();
    }

    /** One column as numbers (empty fields are NaN). */
    public double[] numbers(String name) {
        return column(name).stream().mapToDouble(f -> f.isBlank() ? Double.NaN : Double.parseDouble(f)).toArray();
    }

    /** The rows for which {@code keep} holds of the named column's field. */
    public CsvTable where(String name, Predicate<String> keep) {
        int c = index(name);
        return new CsvTable(header, rows.stream().filter(r -> keep.test(r.get(c))).toList());
    }

    /** The named columns as a Markdown table (all columns when none are named). */
    public Markdown markdown(String... columns) {
        List<String> names = columns.length == 0 ? header : List.of(columns);
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", names)).append(" |\n|");
        sb.append("---|".repeat(names.size())).append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", names.stream().map(n -> r.get(index(n))).toList())).append(" |\n");
        }
        return new Markdown(sb.toString());
    }

    private int index(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; there are: " + String.join(", ", header));
        }
        return c;
    }
}
