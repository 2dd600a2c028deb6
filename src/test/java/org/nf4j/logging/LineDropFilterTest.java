package org.nf4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDropFilterTest {
    private static final String CHATTER = "Added differentiated op ";
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream filtered = LineDropFilter.of(new PrintStream(bytes, true, StandardCharsets.UTF_8), CHATTER,
            StandardCharsets.UTF_8);

    private String seen() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dropsExactlyTheLinesThatStartWithThePrefix() {
        filtered.println("Added differentiated op flow/reduce_sum_2");
        filtered.println("step 1/2 — ok");
        filtered.println("Added");
        filtered.println("Added differentiated");
        filtered.print("Added differentiated op ");
        filtered.println("split over two writes");
        filtered.println("I Added differentiated op x");
        filtered.print("Added differentiated op y\r\nkept\r\n");
        String nl = System.lineSeparator();
        assertEquals("step 1/2 — ok" + nl + "Added" + nl + "Added differentiated" + nl + "I Added differentiated op x" + nl
                + "kept\r\n", seen());
    }

    @Test
    void flushLetsAHeldPartialLineThrough() {
        filtered.print("no newline yet, ");
        filtered.flush();
        assertEquals("no newline yet, ", seen());
        filtered.print("Add");
        filtered.flush();
        assertEquals("no newline yet, Add", seen());
        filtered.println("ed differentiated op z: rest of a line already let through");
        filtered.close();
        assertEquals("no newline yet, Added differentiated op z: rest of a line already let through" + System.lineSeparator(),
                seen());
    }
}
