package org.nf4j.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a {@code key=value} config file (Java properties syntax, # comments) into overrides. */
public final class ConfigFile {
    private ConfigFile() {
    }

    /** The file's settings in file order; keys are checked against {@link TrainConfig#keys()}. */
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

    /** Settings from config text (e.g. the config stored in a checkpoint), in order; {@code source} names it in errors. */
    public static Map<String, String> parse(String text, String source) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot parse " + source + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("!")) {
                continue;
            }
            String key = t.split("[=:\\s]", 2)[0].trim();
            if (!TrainConfig.keys().contains(key)) {
                throw new IllegalArgumentException(source + ": unknown setting '" + key + "'; valid settings: "
                        + String.join(", ", TrainConfig.keys()));
            }
            out.put(key, p.getProperty(key));
        }
        return out;
    }
}
