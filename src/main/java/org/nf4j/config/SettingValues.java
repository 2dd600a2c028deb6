package org.nf4j.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * nf4j's readers of whole numbers, numbers, booleans and paths, from a setting's text or from JSON.
 * Jackson's own readers are lenient ("1.9" into an int becomes 1, 0 and 1 pass for booleans) and
 * their errors span several lines; these refuse what is not exactly of the type and throw a one-line
 * {@link IllegalArgumentException} that names the key. Paths are written and read as plain strings
 * (Jackson's default writes a {@code file://} URI).
 */
final class SettingValues extends SimpleModule {

    SettingValues() {
        super("nf4j-setting-values");
        WholeNumber<Integer> ints = new WholeNumber<>(Integer.class, BigDecimal::intValueExact);
        WholeNumber<Long> longs = new WholeNumber<>(Long.class, BigDecimal::longValueExact);
        addDeserializer(int.class, ints);
        addDeserializer(Integer.class, ints);
        addDeserializer(long.class, longs);
        addDeserializer(Long.class, longs);
        addDeserializer(double.class, new RealNumber());
        addDeserializer(Double.class, new RealNumber());
        addDeserializer(boolean.class, new TrueOrFalse());
        addDeserializer(Boolean.class, new TrueOrFalse());
        addSerializer(Path.class, ToStringSerializer.instance);
        addDeserializer(Path.class, new PlainPath());
    }

    /** The key whose value {@code p} is at (the JSON field name), for error messages. */
    private static String key(JsonParser p) {
        try {
            String name = p.currentName();
            return name != null ? name : "value";
        } catch (IOException e) {
            return "value";
        }
    }

    /** The value's text: a string's content, a number's digits, true or false. */
    private static String text(JsonParser p) throws IOException {
        return p.getText().trim();
    }

    /**
     * A whole number, also written as 5e5 or 2.0; 1.9 is refused, not truncated, and one past the
     * type's range is "too large" rather than wrapped.
     */
    private static final class WholeNumber<T extends Number> extends StdScalarDeserializer<T> {
        private final Function<BigDecimal, T> exact;

        WholeNumber(Class<T> type, Function<BigDecimal, T> exact) {
            super(type);
            this.exact = exact;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String v = text(p);
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw notWhole(p, v);
            }
            if (d.stripTrailingZeros().scale() > 0) {
                throw notWhole(p, v);
            }
            try {
                return exact.apply(d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(key(p) + " is too large: " + v);
            }
        }

        /** JSON's null: a whole number has no "missing" value. */
        @Override
        public T getNullValue(DeserializationContext ctxt) {
            throw new IllegalArgumentException(key(ctxt.getParser()) + " must be a whole number, got null");
        }

        private static IllegalArgumentException notWhole(JsonParser p, String v) {
            return new IllegalArgumentException(key(p) + " must be a whole number, got '" + v + "'");
        }
    }

    /**
     * A floating-point number as {@link Double#parseDouble} reads it (NaN and Infinity included:
     * the records' own checks say which values they allow). JSON's null reads as NaN: JSON has no
     * NaN, and {@link Mappers#JSON} writes a non-finite number (a standard error of one example) as null.
     */
    private static final class RealNumber extends StdScalarDeserializer<Double> {
        RealNumber() {
            super(Double.class);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isNumeric()) {
                return p.getDoubleValue();
            }
            String v = text(p);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key(p) + " must be a number, got '" + v + "'");
            }
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }

    /** {@code true} or {@code false} (any case), nothing else. */
    private static final class TrueOrFalse extends StdScalarDeserializer<Boolean> {
        TrueOrFalse() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_TRUE || p.currentToken() == JsonToken.VALUE_FALSE) {
                return p.getBooleanValue();
            }
            String v = text(p);
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw new IllegalArgumentException(key(p) + " must be true or false, got '" + v + "'");
        }

        @Override
        public Boolean getNullValue(DeserializationContext ctxt) {
            throw new IllegalArgumentException(key(ctxt.getParser()) + " must be true or false, got null");
        }
    }

    /** A path from its plain text (as {@link Path#toString()} writes it). */
    private static final class PlainPath extends StdScalarDeserializer<Path> {
        PlainPath() {
            super(Path.class);
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String v = text(p);
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(key(p) + " is not a valid path: " + e.getMessage());
            }
        }
    }
}
