package org.nf4j.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.Event;

/** Golden checks of the CRC and the framing against bytes published in TensorFlow's own tests. */
class RecordFramingTest {

    /**
     * A complete one-event record from TensorFlow's
     * tensorflow/python/summary/impl/event_file_loader_test.py (EventFileLoaderTest.RECORD):
     * Event{wall_time: 1440183447.0, file_version: "brain.Event:1"}.
     */
    static final byte[] TF_RECORD = concat(
            new byte[] {0x18, 0, 0, 0, 0, 0, 0, 0, (byte) 0xa3, 0x7f, 'K', '"',
                '\t', 0, 0, (byte) 0xc0, '%', (byte) 0xdd, 'u', (byte) 0xd5, 'A', 0x1a, '\r'},
            "brain.Event:1".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xec, (byte) 0xf3, '2', (byte) 0x8d});

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The mask written out independently: rotate right by 15, add 0xa282ead8, mod 2^32. */
    static long maskByHand(long crc) {
        long rotated = ((crc >>> 15) | (crc << 17)) & 0xffffffffL;
        return (rotated + 0xa282ead8L) & 0xffffffffL;
    }

    static long crcByHand(byte[] data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data, offset, length);
        return c.getValue();
    }

    @Test
    void crc32cStandardResultsFromTensorFlowTest() {
        // tensorflow/core/lib/hash/crc32c_test.cc, from RFC 3720 section B.4
        byte[] buf = new byte[32];
        assertEquals(0x8a9136aa, RecordFraming.crc32c(buf, 0, 32));
        java.util.Arrays.fill(buf, (byte) 0xff);
        assertEquals(0x62a8ab43, RecordFraming.crc32c(buf, 0, 32));
        for (int i = 0; i < 32; i++) {
            buf[i] = (byte) i;
        }
        assertEquals(0x46dd794e, RecordFraming.crc32c(buf, 0, 32));
        for (int i = 0; i < 32; i++) {
            buf[i] = (byte) (31 - i);
        }
        assertEquals(0x113fdb5c, RecordFraming.crc32c(buf, 0, 32));
    }

    @Test
    void maskedCrcOfLength24IsTheGoldenHeader() {
        byte[] len24 = {0x18, 0, 0, 0, 0, 0, 0, 0};
        // bytes a3 7f 4b 22 (little endian) in every TensorFlow event-file test record
        assertEquals(0x224b7fa3L, maskByHand(crcByHand(len24, 0, 8)));
        assertEquals(0x224b7fa3, RecordFraming.maskedCrc32c(len24, 0, 8));
        int crc = RecordFraming.crc32c(len24, 0, 8);
        assertEquals(crc, RecordFraming.unmask(RecordFraming.mask(crc)));
    }

    @Test
    void framingReproducesTensorFlowRecordByteForByte() {
        Event event = Event.newBuilder().setWallTime(1440183447.0).setFileVersion("brain.Event:1").build();
        assertArrayEquals(TF_RECORD, RecordFraming.frame(event.toByteArray()));
    }

    @Test
    void readerParsesTensorFlowRecord() throws Exception {
        List<Event> events = EventFileReader.parseEvents(TF_RECORD);
        assertEquals(1, events.size());
        assertEquals(1440183447.0, events.get(0).getWallTime());
        assertEquals("brain.Event:1", events.get(0).getFileVersion());
        // payload checksum: masked CRC32C of the 24 payload bytes = bytes ec f3 32 8d
        assertEquals(0x8d32f3ecL, maskByHand(crcByHand(TF_RECORD, 12, 24)));
    }
}
