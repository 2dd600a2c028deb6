package org.nf4j.logging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, as used by TensorBoard event files:
 * <pre>
 *   uint64 length               (little endian)
 *   uint32 masked_crc32c(length bytes)
 *   byte   payload[length]
 *   uint32 masked_crc32c(payload)
 * </pre>
 * with CRC32C the Castagnoli CRC ({@link CRC32C}) and, in unsigned 32-bit arithmetic,
 * <pre>
 *   mask(crc) = ((crc &gt;&gt;&gt; 15) | (crc &lt;&lt; 17)) + 0xa282ead8.
 * </pre>
 * Both checksums are stored little endian.
 */
public final class RecordFraming {
    /** Bytes of framing around a payload: 8 (length) + 4 (length CRC) + 4 (payload CRC). */
    public static final int OVERHEAD = 16;
    /** Bytes before the payload: the length and its CRC. */
    public static final int HEADER = 12;
    private static final int MASK_DELTA = 0xa282ead8;

    private RecordFraming() {
    }

    /** Plain CRC32C of {@code data[offset, offset + length)}, as an unsigned value in an int. */
    public static int crc32c(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    /** mask(crc) = rotate-right(crc, 15) + 0xa282ead8 (mod 2^32). */
    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    /** Inverse of {@link #mask}. */
    public static int unmask(int masked) {
        int rot = masked - MASK_DELTA;
        return (rot >>> 17) | (rot << 15);
    }

    /** Masked CRC32C of {@code data[offset, offset + length)}. */
    public static int maskedCrc32c(byte[] data, int offset, int length) {
        return mask(crc32c(data, offset, length));
    }

    /** The framed record for one payload: length, its masked CRC, payload, payload's masked CRC. */
    public static byte[] frame(byte[] payload) {
        ByteBuffer buf = ByteBuffer.allocate(payload.length + OVERHEAD).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(payload.length);
        buf.putInt(maskedCrc32c(buf.array(), 0, 8));
        buf.put(payload);
        buf.putInt(maskedCrc32c(payload, 0, payload.length));
        return buf.array();
    }
}
