package org.nf4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/** SHA-256 digests of files, computed over the uncompressed content of gzip files. */
public final class Sha256 {
    private Sha256() {
    }

    /**
     * Digest of a file's content; for a gzip file (detected by its magic bytes), of the content
     * once decompressed, so that {@code x} and {@code x.gz} have the same digest.
     *
     * @param path the file
     * @return lower-case hex SHA-256
     * @throws MnistDataException if the file cannot be read (including a truncated gzip stream)
     */
    public static String ofContent(Path path) {
        try {
            boolean gzip = IdxReader.isGzip(path);
            try (InputStream raw = Files.newInputStream(path);
                 InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return of(in);
            }
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + path + " to verify its checksum: "
                    + e.getMessage() + "; delete it and fetch again", e);
        }
    }

    /**
     * Digest of everything left in a stream (the stream is not closed).
     *
     * @param in the stream
     * @return lower-case hex SHA-256
     * @throws IOException if reading fails
     */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Digest of a byte array.
     *
     * @param bytes the data
     * @return lower-case hex SHA-256
     */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
