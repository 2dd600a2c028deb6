package org.nf4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsMapper;
import com.fasterxml.jackson.dataformat.javaprop.JavaPropsSchema;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configured Jackson mappers every file nf4j reads or writes goes through: JSON
 * ({@code summary.json}, {@code eval.json}, a 2-D run's {@code config.json}) and key=value
 * properties ({@code config.properties}, the files in conf/). Every problem reading them is a
 * one-line {@link IllegalArgumentException}.
 */
public final class Mappers {

    /**
     * JSON: a record's components under snake_case names ({@code boundSe} is {@code bound_se}),
     * pretty ({@link JsonLayout}), strict values ({@link SettingValues}), NaN written as null
     * ({@link NonFiniteAsNull}). Reading ignores fields it does not know (written for people, or by
     * a newer nf4j) but refuses a file that lacks one (rather than reading 0), and takes the bare
     * NaN and Infinity that files written before Jackson may hold.
     */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SettingValues())
            .addModule(new SimpleModule("nf4j-non-finite")
                    .addSerializer(double.class, new NonFiniteAsNull())
                    .addSerializer(Double.class, new NonFiniteAsNull()))
            .defaultPrettyPrinter(new JsonLayout())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * Properties files: {@code key=value} lines, escaped as {@link java.util.Properties} reads them
     * (used through {@link #toProperties} and {@link #fromProperties}, always with {@link #FLAT}).
     */
    private static final JavaPropsMapper PROPERTIES = new JavaPropsMapper();

    /**
     * Keys taken whole: by default Jackson reads {@code a.b} and {@code a[1]} as nesting, which
     * would turn a mistyped key into a structure instead of an "unknown setting" message.
     */
    private static final JavaPropsSchema FLAT = JavaPropsSchema.emptySchema().withoutPathSeparator().withoutIndexMarker();

    private static final JavaType STRING_MAP =
            PROPERTIES.getTypeFactory().constructMapType(Map.class, String.class, String.class);

    private Mappers() {
    }

    /** {@code value} as a JSON document, ending in a newline. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + oneLine(e).getMessage(), e);
        }
    }

    /** The JSON object {@code json} holds. */
    public static ObjectNode jsonObject(String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw oneLine(e);
        }
        if (tree instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("expected a JSON object, got " + tree.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    /** {@code tree} read as a {@code type}. */
    public static <T> T fromJson(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            String field = field(e);
            if (field != null && !tree.has(field)) {
                throw new IllegalArgumentException("no \"" + field + "\" in the JSON object", e);
            }
            throw oneLine(e);
        }
    }

    /** {@code json} read as a {@code type}. */
    public static <T> T fromJson(String json, Class<T> type) {
        return fromJson(jsonObject(json), type);
    }

    /** {@code key=value} lines in the map's order; backslashes and other specials escaped. */
    public static String toProperties(Map<String, String> settings) {
        try {
            return PROPERTIES.writer(FLAT).writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write properties: " + oneLine(e).getMessage(), e);
        }
    }

    /**
     * The settings of properties text (# comments, escapes and continuation lines as {@link
     * java.util.Properties} reads them), in no particular order. A malformed backslash-u escape is
     * java.util.Properties' own one-line IllegalArgumentException.
     */
    public static Map<String, String> fromProperties(String text) {
        try {
            return PROPERTIES.readerFor(STRING_MAP).with(FLAT).readValue(text);
        } catch (JsonProcessingException e) {
            throw oneLine(e);
        }
    }

    /**
     * One line for a Jackson error: the {@link IllegalArgumentException} that caused it (nf4j's
     * readers and the records' checks write those), else the first line of Jackson's message (the
     * rest is a source excerpt) after the field it is about.
     */
    static IllegalArgumentException oneLine(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException cause) {
                return cause;
            }
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        String field = field(e);
        return new IllegalArgumentException(field != null ? field + ": " + message : message, e);
    }

    /** The name of the field a Jackson error is about, or null. */
    private static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            List<JsonMappingException.Reference> path = m.getPath();
            return path.get(path.size() - 1).getFieldName();
        }
        return null;
    }
}
