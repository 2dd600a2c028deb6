package org.nf4j.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's components as settings: each one a kebab-case key ({@code runName} is {@code run-name})
 * whose value has a text form, in declaration order. The one map from keys to fields of {@link
 * TrainConfig} and {@code ToyConfig}: a new component is a new setting, with nothing else to write.
 * Values are read by {@link SettingValues} (whole numbers stay whole) and the record's canonical
 * constructor checks them; every error is a one-line {@link IllegalArgumentException}.
 *
 * @param <R> the record
 */
public final class Settings<R extends Record> {

    /** Records to and from kebab-case keys; a value's text form is what this mapper writes for it. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .addModule(new SettingValues())
            .build();

    private final Class<R> type;

    public Settings(Class<R> type) {
        this.type = type;
    }

    /** Every setting of {@code value} as text, by key, in declaration order. */
    public Map<String, String> asMap(R value) {
        Map<String, String> m = new LinkedHashMap<>();
        tree(value).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /**
     * {@code base} with every key of {@code overrides} set from its text (trimmed), all at once,
     * then checked by the record's constructor (so the order of the overrides does not matter).
     */
    public R with(R base, Map<String, String> overrides) {
        ObjectNode tree = tree(base);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!tree.has(e.getKey())) {
                throw new IllegalArgumentException(unknownKey(e.getKey(), asMap(base).keySet()));
            }
            tree.put(e.getKey(), e.getValue().trim());
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw Mappers.oneLine(e);
        }
    }

    /** "unknown setting 'x'; valid settings: a, b, ..." */
    public static String unknownKey(String key, Collection<String> valid) {
        return "unknown setting '" + key + "'; valid settings: " + String.join(", ", valid);
    }

    private static ObjectNode tree(Record value) {
        return MAPPER.valueToTree(value);
    }
}
