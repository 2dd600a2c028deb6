package org.nf4j.logging;

import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.DoubleSupplier;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.SummaryMetadata;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Writes a TensorBoard event file {@code events.out.tfevents.<unix seconds>.<hostname>} in a
 * run's log directory: first an Event with {@code file_version = "brain.Event:2"}, then one Event
 * per {@link #scalar}, {@link #image} or {@link #text} call, each framed by {@link RecordFraming}
 * and flushed to the operating system immediately (so a crash loses at most the record being
 * written, and TensorBoard sees values live).
 *
 * <p>Resume-safe: the file is created with {@code CREATE_NEW}; an existing file is never opened
 * for writing. If the name is taken (a resume within the same second) a counter is appended,
 * {@code ...<hostname>.1}, {@code .2}, ...; TensorBoard reads every file whose name contains
 * "tfevents" and merges them by step.
 */
public final class EventWriter implements AutoCloseable {
    /** The file_version of the first event; TensorBoard expects "brain.Event:2". */
    public static final String FILE_VERSION = "brain.Event:2";
    /** Plugin name that routes a tensor summary to TensorBoard's text dashboard. */
    public static final String TEXT_PLUGIN = "text";

    private final Path path;
    private final OutputStream out;
    private final DoubleSupplier wallClock;
    private boolean closed;

    /** A writer in {@code logDir} (created if missing) using the system clock and host name. */
    public EventWriter(Path logDir) throws IOException {
        this(logDir, () -> System.currentTimeMillis() / 1000.0, hostName());
    }

    /**
     * A writer with an explicit clock (seconds since the epoch) and host name, e.g. for tests.
     */
    public EventWriter(Path logDir, DoubleSupplier wallClockSeconds, String hostName) throws IOException {
        this.wallClock = wallClockSeconds;
        Files.createDirectories(logDir);
        double now = wallClock.getAsDouble();
        String base = "events.out.tfevents." + (long) Math.floor(now) + "." + sanitise(hostName);
        Path candidate = logDir.resolve(base);
        OutputStream stream = null;
        for (int n = 1; stream == null; n++) {
            try {
                stream = Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                candidate = logDir.resolve(base + "." + n);
            }
        }
        this.path = candidate;
        this.out = new BufferedOutputStream(stream);
        write(Event.newBuilder().setWallTime(now).setFileVersion(FILE_VERSION).build());
    }

    /** The file being written. */
    public Path path() {
        return path;
    }

    /** A scalar (Summary.Value.simple_value, stored as float32). */
    public synchronized void scalar(String tag, long step, double value) {
        summary(step, Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value).build());
    }

    /**
     * An image (Summary.Image) from already encoded PNG bytes; the colorspace field is taken from
     * the PNG header (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA).
     */
    public synchronized void image(String tag, long step, byte[] png, int width, int height) {
        Summary.Image image = Summary.Image.newBuilder()
                .setWidth(width)
                .setHeight(height)
                .setColorspace(PngColorspace.of(png))
                .setEncodedImageString(ByteString.copyFrom(png))
                .build();
        summary(step, Summary.Value.newBuilder().setTag(tag).setImage(image).build());
    }

    /**
     * Text for TensorBoard's text dashboard: a scalar DT_STRING tensor (UTF-8, markdown allowed)
     * with summary metadata plugin_name = "text".
     */
    public synchronized void text(String tag, long step, String text) {
        TensorProto tensor = TensorProto.newBuilder()
                .setDtype(DataType.DT_STRING)
                .setTensorShape(TensorShapeProto.getDefaultInstance())
                .addStringVal(ByteString.copyFrom(text, StandardCharsets.UTF_8))
                .build();
        SummaryMetadata metadata = SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(TEXT_PLUGIN))
                .build();
        summary(step, Summary.Value.newBuilder().setTag(tag).setMetadata(metadata).setTensor(tensor).build());
    }

    /** Flushes buffered bytes to the operating system (writes already flush). */
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }

    private void summary(long step, Summary.Value value) {
        write(Event.newBuilder()
                .setWallTime(wallClock.getAsDouble())
                .setStep(step)
                .setSummary(Summary.newBuilder().addValue(value))
                .build());
    }

    private void write(Event event) {
        if (closed) {
            throw new IllegalStateException("EventWriter is closed: " + path);
        }
        try {
            out.write(RecordFraming.frame(event.toByteArray()));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write event to " + path, e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /** Keeps file-name-safe characters only. */
    private static String sanitise(String host) {
        String s = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "localhost" : s;
    }
}
