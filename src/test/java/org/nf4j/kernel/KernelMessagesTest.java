package org.nf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nf4j's kernel over the real Jupyter wire protocol (ZeroMQ sockets, signed messages), as Jupyter
 * talks to it: what a cell's value, output, picture, compile error and exception become.
 */
class KernelMessagesTest {
    private static JupyterConnection connection;
    private static KernelClient client;

    @BeforeAll
    static void start() throws Exception {
        KernelConnectionProperties props = KernelClient.freeLocalPorts();
        connection = KernelMain.serve(new JShellKernel(System.getProperty("java.class.path"), KernelMain.STARTUP), props);
        client = new KernelClient(props);
    }

    @AfterAll
    static void stop() {
        try {
            KernelClient.Exchange bye = client.shutdown();
            assertEquals("shutdown_reply", bye.reply().getAsJsonObject("header").get("msg_type").getAsString());
        } finally {
            client.close();
            connection.waitUntilClose();
        }
    }

    private static String text(JsonObject result) {
        return result.getAsJsonObject("data").get("text/plain").getAsString();
    }

    @Test
    void theLastExpressionIsTheCellsValueAndStatePersists() {
        KernelClient.Exchange first = client.execute("int x = 20;\nint y = x + 1;\nx + 22");
        assertEquals("ok", first.status());
        List<JsonObject> results = first.published("execute_result");
        assertEquals(1, results.size(), first.published().toString());
        assertEquals("42", text(results.get(0)));
        int count = first.reply().getAsJsonObject("content").get("execution_count").getAsInt();
        assertEquals(count, results.get(0).get("execution_count").getAsInt());

        KernelClient.Exchange second = client.execute("String s = \"value of y: \" + y;\ns");
        assertEquals("value of y: 21", text(second.published("execute_result").get(0)));
        assertEquals(count + 1, second.reply().getAsJsonObject("content").get("execution_count").getAsInt());
        assertTrue(client.execute("int unused = 3;").published("execute_result").isEmpty(), "a declaration shows nothing");
        assertTrue(client.execute("x = 7").published("execute_result").isEmpty(), "an assignment shows nothing");
        assertTrue(client.execute("x + 1;").published("execute_result").isEmpty(), "a final semicolon hides the value");
        assertEquals("8", text(client.execute("x + 1 // no semicolon: shown").published("execute_result").get(0)));
    }

    @Test
    void printedTextIsStreamedAndSameDiffChatterDropped() {
        KernelClient.Exchange e = client.execute("for (int i = 0; i < 2; i++) {\n  System.out.println(\"line \" + i);\n}\n"
                + "System.out.println(\"Added differentiated op flow/x\");\nSystem.err.println(\"warning\");\nSystem.out.println(\"end\");");
        assertEquals("ok", e.status());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        for (JsonObject s : e.published("stream")) {
            (s.get("name").getAsString().equals("stdout") ? out : err).append(s.get("text").getAsString());
        }
        assertEquals("line 0\nline 1\nend\n", out.toString());
        assertEquals("warning\n", err.toString());
        assertTrue(e.published("execute_result").isEmpty());
    }

    @Test
    void aBufferedImageIsAPng() throws Exception {
        KernelClient.Exchange e = client.execute("var img = new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
                + "img.setRGB(2, 1, 0xff0000);\nimg");
        JsonObject data = e.published("execute_result").get(0).getAsJsonObject("data");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(data.get("image/png").getAsString())));
        assertEquals(3, png.getWidth());
        assertEquals(2, png.getHeight());
        assertEquals(0xff0000, png.getRGB(2, 1) & 0xffffff);
        assertEquals(0, png.getRGB(0, 0) & 0xffffff);
        assertEquals("image 3 x 2", data.get("text/plain").getAsString());
    }

    @Test
    void aCompileErrorFailsTheCellWithTheCompilersMessageAndRunsNothingAfterIt() {
        KernelClient.Exchange e = client.execute("int before = 1;\nSystem.out.println(\"ran\");\nint z = notDeclared + 1;\nSystem.out.println(\"after\");");
        assertEquals("error", e.status());
        JsonObject error = e.published("error").get(0);
        assertEquals("CompileError", error.get("ename").getAsString());
        String value = error.get("evalue").getAsString();
        assertTrue(value.startsWith("line 3: int z = notDeclared + 1;") && value.contains("cannot find symbol")
                && value.contains("notDeclared"), value);
        assertEquals("CompileError", e.reply().getAsJsonObject("content").get("ename").getAsString());
        assertEquals(List.of("ran\n"), e.published("stream").stream().map(s -> s.get("text").getAsString()).toList());
        assertEquals("1", text(client.execute("before").published("execute_result").get(0)), "the kernel lives on");
    }

    @Test
    void anExceptionFailsTheCellWithItsOwnNameMessageAndTheCellsFrames() {
        KernelClient.Exchange e = client.execute("void check(int v) {\n  if (v < 0) throw new IllegalArgumentException(\"negative: \" + v);\n}\n"
                + "check(1);\ncheck(-5);\nSystem.out.println(\"not reached\");");
        assertEquals("error", e.status());
        JsonObject error = e.published("error").get(0);
        assertEquals("IllegalArgumentException", error.get("ename").getAsString());
        assertEquals("negative: -5", error.get("evalue").getAsString());
        String trace = error.getAsJsonArray("traceback").toString();
        assertTrue(trace.contains("java.lang.IllegalArgumentException: negative: -5") && trace.contains(".check("), trace);
        assertFalse(trace.contains("org.nf4j.kernel") || trace.contains("jdk.jshell") || trace.contains("dflib"), trace);
        assertTrue(e.published("stream").isEmpty());

        JsonObject checked = client.execute("throw new java.io.IOException(\"disk gone\")").published("error").get(0);
        assertEquals("IOException: disk gone", checked.get("ename").getAsString() + ": " + checked.get("evalue").getAsString());
        JsonObject overflow = client.execute("int down(int n) { return down(n + 1) + 1; }\ndown(0)").published("error").get(0);
        assertEquals("CellError", overflow.get("ename").getAsString());
        assertEquals("java.lang.StackOverflowError", overflow.get("evalue").getAsString());
    }

    @Test
    void completionInspectionAndIsCompleteAreAnswered() {
        assertEquals("ok", client.execute("String word = \"abc\";").status());
        String code = "int n = 1;\nword.subs";
        JsonObject c = client.complete(code, code.length()).reply().getAsJsonObject("content");
        assertEquals("ok", c.get("status").getAsString());
        assertTrue(c.getAsJsonArray("matches").toString().contains("substring("), c.toString());
        assertEquals(code.indexOf("subs"), c.get("cursor_start").getAsInt());
        assertEquals(code.length(), c.get("cursor_end").getAsInt());

        JsonObject doc = client.inspect("int m = Math.max(3, 4);", "int m = Math.max".length()).reply().getAsJsonObject("content");
        assertTrue(doc.get("found").getAsBoolean(), doc.toString());
        assertTrue(doc.getAsJsonObject("data").get("text/plain").getAsString().contains("max(int a, int b)"), doc.toString());

        assertEquals("complete", client.isComplete("int a = 1;\na + 1").reply().getAsJsonObject("content").get("status").getAsString());
        assertEquals("incomplete", client.isComplete("for (int i = 0; i < 3; i++) {\n  System.out.println(i);")
                .reply().getAsJsonObject("content").get("status").getAsString());
    }
}
