package org.nf4j.notebook;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A CSV file with a header line, as nf4j writes them (e.g. {@code table2.csv}, whose protocol
 * columns are quoted text with commas): read by Jackson's CSV reader; columns by name, numbers as
 * doubles (an empty field is NaN).
 */
public final class CsvTable {
    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Path file) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).readerForListOf(String.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                lines.add(List.copyOf(it.next()));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a CSV table (" + e.getMessage() + ")", e);
        }
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty: no header line");
        }
        List<String> header = lines.get(0);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).size() != header.size()) {
                throw new IOException(file + " line " + (i + 1) + " has " + lines.get(i).size() + " fields, the header "
                        + header.size());
            }
        }
        return new CsvTable(header, lines.subList(1, lines.size()));
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
