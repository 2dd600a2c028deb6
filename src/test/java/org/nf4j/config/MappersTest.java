package org.nf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON and properties mappers: layout, names, NaN as null, plain paths, one-line errors. */
class MappersTest {

    /** A record as nf4j's JSON files hold them. */
    record Sample(String runName, double stdErr, long count, Path where) {
    }

    @Test
    void jsonIsSnakeCaseOneFieldALineWithNaNAsNull() {
        String json = Mappers.toJson(new Sample("a \"b\"", Double.NaN, 5, Path.of("runs")));
        assertEquals("{\n  \"run_name\": \"a \\\"b\\\"\",\n  \"std_err\": null,\n  \"count\": 5,\n  \"where\": \"runs\"\n}\n", json);
        Sample back = Mappers.fromJson(json, Sample.class);
        assertTrue(Double.isNaN(back.stdErr()));
        assertEquals(new Sample("a \"b\"", 0.25, 5, Path.of("runs", "a")),
                Mappers.fromJson(Mappers.toJson(new Sample("a \"b\"", 0.25, 5, Path.of("runs", "a"))), Sample.class));
    }

    @Test
    void readingIgnoresUnknownFieldsAndTakesBareNaN() {
        Sample s = Mappers.fromJson("{\"run_name\": \"x\", \"std_err\": NaN, \"count\": 5e3, \"where\": \"w\", \"new\": [1]}",
                Sample.class);
        assertTrue(Double.isNaN(s.stdErr()));
        assertEquals(5000, s.count());
    }

    @Test
    void readingErrorsAreOneLine() {
        assertEquals("no \"count\" in the JSON object", assertThrows(IllegalArgumentException.class,
                () -> Mappers.fromJson("{\"run_name\": \"x\", \"std_err\": 1, \"where\": \"w\"}", Sample.class)).getMessage());
        assertEquals("count must be a whole number, got '1.5'", assertThrows(IllegalArgumentException.class,
                () -> Mappers.fromJson("{\"run_name\": \"x\", \"std_err\": 1, \"count\": 1.5, \"where\": \"w\"}", Sample.class))
                .getMessage());
        assertEquals("count must be a whole number, got null", assertThrows(IllegalArgumentException.class,
                () -> Mappers.fromJson("{\"run_name\": \"x\", \"std_err\": 1, \"count\": null, \"where\": \"w\"}", Sample.class))
                .getMessage());
        assertEquals("expected a JSON object, got array",
                assertThrows(IllegalArgumentException.class, () -> Mappers.fromJson("[1, 2]", Sample.class)).getMessage());
        String broken = assertThrows(IllegalArgumentException.class,
                () -> Mappers.fromJson("{\"run_name\": \"x\",\n  \"count\": }", Sample.class)).getMessage();
        assertFalse(broken.contains("\n"), broken);
        assertTrue(broken.startsWith("Unexpected character ('}'"), broken);
    }

    @Test
    void propertiesRoundTripInOrderWithEscapes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("z", "last?");
        m.put("data-dir", "C:\\data");
        m.put("note", "a=b: #c");
        m.put("empty", "");
        String text = Mappers.toProperties(m);
        assertTrue(text.startsWith("z=last?\ndata-dir=C:\\\\data\n"), text);
        assertEquals(m, Mappers.fromProperties(text));
    }
}
