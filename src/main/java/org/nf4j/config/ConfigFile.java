package org.nf4j.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code key=value} config file (Java properties syntax, # comments) into overrides, with Jackson's properties reader. */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** The file's settings (as {@link #parse}); keys are checked against {@link TrainConfig#keys()}. */
    public static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist (the files in conf/ are examples)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /**
     * Settings from config text (e.g. the config stored in a checkpoint), in {@link TrainConfig#keys()}
     * order (java.util.Properties, under Jackson's reader, keeps no file order); {@code source} names
     * it in errors.
     */
    public static Map<String, String> parse(String text, String source) {
        Map<String, String> read;
        try {
            read = Mappers.fromProperties(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse " + source + ": " + e.getMessage(), e);
        }
        List<String> keys = TrainConfig.keys();
        read.keySet().stream().filter(key -> !keys.contains(key)).sorted().findFirst().ifPresent(key -> {
            throw new IllegalArgumentException(source + ": " + Settings.unknownKey(key, keys));
        });
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : keys) {
            if (read.containsKey(key)) {
                out.put(key, read.get(key));
            }
        }
        return out;
    }
}
