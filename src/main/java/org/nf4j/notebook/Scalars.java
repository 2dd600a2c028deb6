package org.nf4j.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.nf4j.logging.EventFileReader;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/**
 * A run's TensorBoard scalars as arrays, read with {@link EventFileReader} from every event file
 * in its log folder (a resumed run has several; files are read oldest first and a later value of
 * the same step replaces an earlier one).
 */
public final class Scalars {
    private final Map<String, Series> series;

    /**
     * One tag's values by step.
     *
     * @param steps  increasing update numbers
     * @param values the value at each step
     */
    public record Series(String tag, double[] steps, double[] values) {
        /** The last value. */
        public double last() {
            return values[values.length - 1];
        }
    }

    private Scalars(Map<String, Series> series) {
        this.series = series;
    }

    /** The scalars of every event file directly in {@code logDir}. */
    public static Scalars read(Path logDir) throws IOException {
        if (!Files.isDirectory(logDir)) {
            throw new IllegalArgumentException("no TensorBoard folder " + logDir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(logDir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted().toList();
        }
        Map<String, TreeMap<Long, Double>> byTag = new TreeMap<>();
        for (Path f : files) {
            for (Event e : EventFileReader.readEvents(f)) {
                for (Summary.Value v : e.getSummary().getValueList()) {
                    if (v.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
                        byTag.computeIfAbsent(v.getTag(), t -> new TreeMap<>()).put(e.getStep(), (double) v.getSimpleValue());
                    }
                }
            }
        }
        Map<String, Series> out = new TreeMap<>();
        byTag.forEach((tag, points) -> out.put(tag, new Series(tag,
                points.keySet().stream().mapToDouble(Long::doubleValue).toArray(),
                points.values().stream().mapToDouble(Double::doubleValue).toArray())));
        return new Scalars(out);
    }

    /** The tags there are, sorted. */
    public List<String> tags() {
        return new ArrayList<>(series.keySet());
    }

    /** One tag's series; an unknown tag is an error that lists the known ones. */
    public Series get(String tag) {
        Series s = series.get(tag);
        if (s == null) {
            throw new IllegalArgumentException("no scalar '" + tag + "'; there are: " + String.join(", ", series.keySet()));
        }
        return s;
    }
}
