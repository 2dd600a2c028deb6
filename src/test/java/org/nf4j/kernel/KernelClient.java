package org.nf4j.kernel;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The client side of the Jupyter wire protocol, as Jupyter speaks it to a kernel: signed multipart
 * messages to the shell socket, the replies read back, and everything the kernel publishes on
 * iopub for a request collected until it reports itself idle. Messages are plain JSON.
 */
final class KernelClient implements AutoCloseable {
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final int TIMEOUT_MS = 60_000;

    private final KernelConnectionProperties props;
    private final ZContext context = new ZContext();
    private final ZMQ.Socket shell;
    private final ZMQ.Socket iopub;
    private final String session = UUID.randomUUID().toString();

    /** A request's reply and what the kernel published for it (each an object with msg_type and content). */
    record Exchange(JsonObject reply, List<JsonObject> published) {
        String status() {
            return reply.getAsJsonObject("content").get("status").getAsString();
        }

        /** The content of the published messages of one type. */
        List<JsonObject> published(String type) {
            return published.stream().filter(m -> m.getAsJsonObject("header").get("msg_type").getAsString().equals(type))
                    .map(m -> m.getAsJsonObject("content")).toList();
        }
    }

    /** Connection properties on free local ports, with a fresh signing key. */
    static KernelConnectionProperties freeLocalPorts() throws IOException {
        int[] ports = new int[5];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                ServerSocket s = new ServerSocket(0);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2], ports[3], ports[4], "tcp",
                "hmac-sha256", UUID.randomUUID().toString());
    }

    /** Connects to a kernel serving {@code props} and waits until its iopub messages arrive. */
    KernelClient(KernelConnectionProperties props) {
        this.props = props;
        shell = context.createSocket(SocketType.DEALER);
        shell.setReceiveTimeOut(TIMEOUT_MS);
        shell.connect("tcp://127.0.0.1:" + props.getShellPort());
        iopub = context.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.setReceiveTimeOut(200);
        iopub.connect("tcp://127.0.0.1:" + props.getIopubPort());
        // a subscription takes effect asynchronously: ask for kernel info until its status messages come through
        for (int attempt = 0; attempt < 100; attempt++) {
            String id = send("kernel_info_request", new JsonObject());
            receive(shell);
            if (drainUntilIdle(id, 1_000) != null) {
                return;
            }
        }
        throw new IllegalStateException("no iopub messages from the kernel");
    }

    /** Runs {@code code} as a cell. */
    Exchange execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return request("execute_request", content);
    }

    /** Asks for completions at {@code cursor}. */
    Exchange complete(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        return request("complete_request", content);
    }

    /** Asks for the documentation of what the cursor is on. */
    Exchange inspect(String code, int cursor) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("cursor_pos", cursor);
        content.addProperty("detail_level", 0);
        return request("inspect_request", content);
    }

    /** Asks whether {@code code} is a complete cell. */
    Exchange isComplete(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        return request("is_complete_request", content);
    }

    /** Asks the kernel to shut down (it answers, then closes its sockets). */
    Exchange shutdown() {
        JsonObject content = new JsonObject();
        content.addProperty("restart", false);
        return request("shutdown_request", content);
    }

    private Exchange request(String type, JsonObject content) {
        String id = send(type, content);
        JsonObject reply = receive(shell);
        if (!reply.getAsJsonObject("parent_header").get("msg_id").getAsString().equals(id)) {
            throw new IllegalStateException("reply to another request: " + reply);
        }
        List<JsonObject> published = drainUntilIdle(id, TIMEOUT_MS);
        if (published == null) {
            throw new IllegalStateException("the kernel did not report idle after " + type);
        }
        return new Exchange(reply, published);
    }

    /** The iopub messages of request {@code id} up to its idle status, or null if none came in time. */
    private List<JsonObject> drainUntilIdle(String id, long millis) {
        List<JsonObject> mine = new ArrayList<>();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            JsonObject m = receive(iopub);
            if (m == null || !m.getAsJsonObject("parent_header").has("msg_id")
                    || !m.getAsJsonObject("parent_header").get("msg_id").getAsString().equals(id)) {
                continue;
            }
            mine.add(m);
            JsonObject c = m.getAsJsonObject("content");
            if (m.getAsJsonObject("header").get("msg_type").getAsString().equals("status")
                    && c.get("execution_state").getAsString().equals("idle")) {
                return mine;
            }
        }
        return null;
    }

    private String send(String type, JsonObject content) {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("username", "test");
        header.addProperty("session", session);
        header.addProperty("date", Instant.now().toString());
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        byte[][] parts = {bytes(header.toString()), bytes("{}"), bytes("{}"), bytes(content.toString())};
        shell.sendMore(DELIMITER);
        shell.sendMore(sign(parts));
        shell.sendMore(parts[0]);
        shell.sendMore(parts[1]);
        shell.sendMore(parts[2]);
        shell.send(parts[3]);
        return id;
    }

    /** The next message on {@code socket} (signature checked), or null if none arrived before its timeout. */
    private JsonObject receive(ZMQ.Socket socket) {
        byte[] frame = socket.recv();
        if (frame == null) {
            return null;
        }
        while (!java.util.Arrays.equals(frame, DELIMITER)) {
            frame = socket.recv();
        }
        String signature = socket.recvStr();
        byte[][] parts = {socket.recv(), socket.recv(), socket.recv(), socket.recv()};
        while (socket.hasReceiveMore()) {
            socket.recv();
        }
        if (!sign(parts).equals(signature)) {
            throw new IllegalStateException("bad signature on a kernel message");
        }
        JsonObject m = new JsonObject();
        m.add("header", JsonParser.parseString(new String(parts[0], StandardCharsets.UTF_8)));
        m.add("parent_header", JsonParser.parseString(new String(parts[1], StandardCharsets.UTF_8)));
        m.add("content", JsonParser.parseString(new String(parts[3], StandardCharsets.UTF_8)));
        return m;
    }

    private String sign(byte[][] parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(props.getKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        context.close();
    }
}
