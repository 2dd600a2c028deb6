package org.nf4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineDropFilterTest {

    @Test
    void dropsExactlyTheLinesThatStartWithThePrefix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream filtered = LineDropFilter.of(console, LineDropFilter.SAMEDIFF_GRADIENT_CHATTER);
        filtered.println("Added differentiated op flow/reduce_sum_2");
        filtered.println("step 1/2 — ok");
        filtered.println("Added");
        filtered.println("Added differentiated");
        filtered.print("Added differentiated op ");
        filtered.println("split over two writes");
        filtered.println("I Added differentiated op x");
        filtered.print("no newline yet, ");
        filtered.flush();
        assertEquals("step 1/2 — ok\nAdded\nAdded differentiated\nI Added differentiated op x\nno newline yet, "
                .replace("\n", System.lineSeparator()), bytes.toString(StandardCharsets.UTF_8));
        filtered.print("end");
        filtered.close();
        assertEquals(true, bytes.toString(StandardCharsets.UTF_8).endsWith("no newline yet, end"));
    }
}
