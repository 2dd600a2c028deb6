package org.nf4j.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;

/**
 * How nf4j's JSON files look: one field a line, two-space indent, {@code "key": value}. Jackson's
 * default pretty printer writes {@code "key" : value} and the platform's line separator; the files
 * written before Jackson (and the tests and notebooks that grep them) have {@code "key": value} and \n.
 */
final class JsonLayout extends DefaultPrettyPrinter {

    JsonLayout() {
        indentObjectsWith(new DefaultIndenter("  ", "\n"));
    }

    private JsonLayout(JsonLayout base) {
        super(base);
    }

    /** Jackson makes one printer per document from this one; a subclass must make its own kind. */
    @Override
    public DefaultPrettyPrinter createInstance() {
        return new JsonLayout(this);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }
}
