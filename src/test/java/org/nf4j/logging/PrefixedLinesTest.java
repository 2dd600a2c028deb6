package org.nf4j.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrefixedLinesTest {

    @Test
    void everyLineGetsThePrefixOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        PrintStream job = PrefixedLines.of(console, "[u1-planar-k2] ");
        job.println("step 1/2 — ok");
        job.print("step ");
        job.printf("%d/%d%n", 2, 2);
        job.print("partial");
        job.close();
        String nl = System.lineSeparator();
        assertEquals("[u1-planar-k2] step 1/2 — ok" + nl + "[u1-planar-k2] step 2/2" + nl + "[u1-planar-k2] partial" + nl,
                bytes.toString(StandardCharsets.UTF_8));
    }
}
