package org.nf4j.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a NaN or infinite double as JSON's null: JSON has no such numbers (Jackson would write
 * the string "NaN"), and a missing estimate, such as the standard error of a single example, is null
 * in nf4j's files. {@link SettingValues} reads null back as NaN.
 */
final class NonFiniteAsNull extends StdSerializer<Double> {

    NonFiniteAsNull() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator g, SerializerProvider provider) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            g.writeNull();
        }
    }
}
