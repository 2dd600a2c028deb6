package org.nf4j.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;

/** Writes scalars, an image and text, then checks framing, checksums and contents byte by byte. */
class EventWriterTest {
    private static final byte[] FAKE_PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0, 1, 2, 3};

    @TempDir
    Path dir;

    /** Clock ticking one second per call from 1700000000. */
    private static java.util.function.DoubleSupplier clock() {
        AtomicLong t = new AtomicLong(1_700_000_000L);
        return () -> t.getAndIncrement();
    }

    private Path writeSample() throws Exception {
        try (EventWriter w = new EventWriter(dir.resolve("run"), clock(), "my host")) {
            w.scalar("loss/train", 1, 0.25);
            w.scalar("loss/train", 2, -1.5e-3);
            w.image("samples", 7, FAKE_PNG, 3, 2);
            w.text("config", 0, "K = 32, ünïcode");
            return w.path();
        }
    }

    /** Independent walk over the raw bytes: every length and CRC recomputed here. */
    private static List<byte[]> framesByHand(byte[] raw) {
        ByteBuffer buf = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> payloads = new ArrayList<>();
        while (buf.hasRemaining()) {
            int start = buf.position();
            long length = buf.getLong();
            long lengthCrc = buf.getInt() & 0xffffffffL;
            assertEquals(RecordFramingTest.maskByHand(RecordFramingTest.crcByHand(raw, start, 8)), lengthCrc);
            byte[] payload = new byte[(int) length];
            buf.get(payload);
            long payloadCrc = buf.getInt() & 0xffffffffL;
            assertEquals(RecordFramingTest.maskByHand(RecordFramingTest.crcByHand(payload, 0, payload.length)), payloadCrc);
            payloads.add(payload);
        }
        return payloads;
    }

    @Test
    void fileNameFollowsTensorBoardConvention() throws Exception {
        Path file = writeSample();
        assertEquals("events.out.tfevents.1700000000.my_host", file.getFileName().toString());
        assertEquals(dir.resolve("run"), file.getParent());
    }

    @Test
    void framingAndContentsAreExact() throws Exception {
        Path file = writeSample();
        byte[] raw = Files.readAllBytes(file);
        List<byte[]> payloads = framesByHand(raw);
        assertEquals(5, payloads.size());
        List<Event> events = EventFileReader.readEvents(file);
        for (int i = 0; i < 5; i++) {
            assertEquals(Event.parseFrom(payloads.get(i)), events.get(i));
        }

        Event first = events.get(0);
        assertEquals("brain.Event:2", first.getFileVersion());
        assertEquals(1_700_000_000.0, first.getWallTime());

        Summary.Value s1 = events.get(1).getSummary().getValue(0);
        assertEquals("loss/train", s1.getTag());
        assertEquals(1, events.get(1).getStep());
        assertEquals(0.25f, s1.getSimpleValue());
        assertEquals(1_700_000_001.0, events.get(1).getWallTime());
        assertEquals(2, events.get(2).getStep());
        assertEquals(-1.5e-3f, events.get(2).getSummary().getValue(0).getSimpleValue());

        Event img = events.get(3);
        assertEquals(7, img.getStep());
        Summary.Image image = img.getSummary().getValue(0).getImage();
        assertEquals("samples", img.getSummary().getValue(0).getTag());
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(1, image.getColorspace()); // IHDR colour type 0 = grey
        assertArrayEquals(FAKE_PNG, image.getEncodedImageString().toByteArray());

        Summary.Value text = events.get(4).getSummary().getValue(0);
        assertEquals("config", text.getTag());
        assertEquals("text", text.getMetadata().getPluginData().getPluginName());
        assertEquals(DataType.DT_STRING, text.getTensor().getDtype());
        assertEquals(0, text.getTensor().getTensorShape().getDimCount());
        assertEquals("K = 32, ünïcode", text.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8));
    }

    @Test
    void corruptedBytesAreDetected() throws Exception {
        byte[] raw = Files.readAllBytes(writeSample());
        int secondRecord = 16 + (int) ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).getLong(0);

        byte[] badPayload = raw.clone();
        badPayload[secondRecord + 14] ^= 0x01;
        CorruptRecordException e1 = assertThrows(CorruptRecordException.class,
                () -> EventFileReader.parseEvents(badPayload));
        assertTrue(e1.getMessage().contains("payload checksum mismatch"), e1.getMessage());
        assertEquals(secondRecord, e1.offset());

        byte[] badLength = raw.clone();
        badLength[secondRecord] ^= 0x04;
        CorruptRecordException e2 = assertThrows(CorruptRecordException.class,
                () -> EventFileReader.parseEvents(badLength));
        assertTrue(e2.getMessage().contains("length checksum mismatch"), e2.getMessage());

        byte[] badCrc = raw.clone();
        badCrc[raw.length - 1] ^= (byte) 0x80;
        assertThrows(CorruptRecordException.class, () -> EventFileReader.parseEvents(badCrc));

        byte[] truncated = java.util.Arrays.copyOf(raw, raw.length - 3);
        CorruptRecordException e3 = assertThrows(CorruptRecordException.class,
                () -> EventFileReader.parseEvents(truncated));
        assertTrue(e3.getMessage().contains("truncated"), e3.getMessage());
    }

    @Test
    void resumeOpensANewFileAndLeavesTheOldOneIntact() throws Exception {
        Path first = writeSample();
        byte[] before = Files.readAllBytes(first);
        Path second;
        try (EventWriter w = new EventWriter(dir.resolve("run"), clock(), "my host")) {
            w.scalar("loss/train", 3, 0.125);
            second = w.path();
        }
        assertNotEquals(first, second);
        assertEquals("events.out.tfevents.1700000000.my_host.1", second.getFileName().toString());
        assertArrayEquals(before, Files.readAllBytes(first));
        List<Event> resumed = EventFileReader.readEvents(second);
        assertEquals(2, resumed.size());
        assertEquals("brain.Event:2", resumed.get(0).getFileVersion());
        assertEquals(0.125f, resumed.get(1).getSummary().getValue(0).getSimpleValue());
    }

    @Test
    void eachWriteIsFlushedImmediately() throws Exception {
        try (EventWriter w = new EventWriter(dir, clock(), "h")) {
            w.scalar("a", 1, 1.0);
            assertEquals(2, EventFileReader.readEvents(w.path()).size());
            w.close();
            assertThrows(IllegalStateException.class, () -> w.scalar("a", 2, 2.0));
        }
    }
}
