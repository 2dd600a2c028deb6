package org.nf4j.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxTestFiles {
    private IdxTestFiles() {
    }

    /** Deterministic test pixel of example {@code i}, pixel {@code p}. */
    static int pixel(int i, int p) {
        return (i * 31 + p * 7) % 256;
    }

    /** Deterministic test label of example {@code i}. */
    static int label(int i) {
        return (i * 3) % 10;
    }

    static byte[] imageBytes(int magic, int count, int rows, int cols) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bos);
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            byte[] body = new byte[count * rows * cols];
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < rows * cols; p++) {
                    body[i * rows * cols + p] = (byte) pixel(i, p);
                }
            }
            out.write(body);
            return bos.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] labelBytes(int magic, int count) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bos);
            out.writeInt(magic);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                out.write(label(i));
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static Path write(Path file, byte[] bytes, boolean gzip) throws IOException {
        if (gzip) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(bytes);
            }
        } else {
            Files.write(file, bytes);
        }
        return file;
    }

    static Path images(Path file, int count, int rows, int cols, boolean gzip) throws IOException {
        return write(file, imageBytes(IdxReader.IMAGE_MAGIC, count, rows, cols), gzip);
    }

    static Path labels(Path file, int count, boolean gzip) throws IOException {
        return write(file, labelBytes(IdxReader.LABEL_MAGIC, count), gzip);
    }

    /** Cuts {@code drop} bytes off the end of the (uncompressed) content. */
    static byte[] truncate(byte[] bytes, int drop) {
        return Arrays.copyOf(bytes, bytes.length - drop);
    }
}
