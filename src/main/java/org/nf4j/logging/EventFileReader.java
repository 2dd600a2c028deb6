package org.nf4j.logging;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.Event;

/**
 * Reads a TensorBoard event file: splits it into {@link RecordFraming} records, verifies the
 * masked CRC32C of every length field and payload, and parses the payloads as {@link Event}s.
 * Any mismatch, a truncated record or an unparsable payload raises a
 * {@link CorruptRecordException} naming the record's byte offset.
 */
public final class EventFileReader {
    private EventFileReader() {
    }

    /** All record payloads of the file, in order, checksums verified. */
    public static List<byte[]> readRecords(Path file) throws IOException {
        return splitRecords(Files.readAllBytes(file));
    }

    /** All events of the file, in order, checksums verified. */
    public static List<Event> readEvents(Path file) throws IOException {
        return parseEvents(Files.readAllBytes(file));
    }

    /** Events of an in-memory event file. */
    public static List<Event> parseEvents(byte[] bytes) throws CorruptRecordException {
        List<Event> events = new ArrayList<>();
        long offset = 0;
        for (byte[] payload : splitRecords(bytes)) {
            try {
                events.add(Event.parseFrom(payload));
            } catch (InvalidProtocolBufferException e) {
                throw new CorruptRecordException(offset, "payload is not an Event: " + e.getMessage());
            }
            offset += payload.length + RecordFraming.OVERHEAD;
        }
        return events;
    }

    /** Payloads of an in-memory sequence of framed records. */
    public static List<byte[]> splitRecords(byte[] bytes) throws CorruptRecordException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> payloads = new ArrayList<>();
        while (buf.hasRemaining()) {
            int start = buf.position();
            if (buf.remaining() < RecordFraming.HEADER) {
                throw new CorruptRecordException(start, "truncated record header: "
                        + buf.remaining() + " bytes left, need " + RecordFraming.HEADER);
            }
            long length = buf.getLong();
            int storedLengthCrc = buf.getInt();
            int lengthCrc = RecordFraming.maskedCrc32c(bytes, start, 8);
            if (storedLengthCrc != lengthCrc) {
                throw new CorruptRecordException(start, String.format(
                        "length checksum mismatch: stored 0x%08x, computed 0x%08x", storedLengthCrc, lengthCrc));
            }
            if (length < 0 || length > buf.remaining() - 4L) {
                throw new CorruptRecordException(start, "truncated record: length " + length
                        + " but only " + Math.max(0, buf.remaining() - 4) + " payload bytes left");
            }
            byte[] payload = new byte[(int) length];
            buf.get(payload);
            int storedCrc = buf.getInt();
            int crc = RecordFraming.maskedCrc32c(payload, 0, payload.length);
            if (storedCrc != crc) {
                throw new CorruptRecordException(start, String.format(
                        "payload checksum mismatch: stored 0x%08x, computed 0x%08x", storedCrc, crc));
            }
            payloads.add(payload);
        }
        return payloads;
    }
}
