package org.nf4j.logging;

import java.io.IOException;

/** A record in an event file whose checksum does not match, or that is cut short. */
public class CorruptRecordException extends IOException {
    private final long offset;

    /**
     * @param offset byte offset of the start of the bad record in the file
     * @param message what is wrong
     */
    public CorruptRecordException(long offset, String message) {
        super(message + " (record starting at byte " + offset + ")");
        this.offset = offset;
    }

    /** Byte offset of the start of the bad record. */
    public long offset() {
        return offset;
    }
}
