package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.data.MnistSplit;
import picocli.CommandLine;

/** eval's options parse into settings, and bad input stops in one line before anything heavy runs. */
class EvalCommandTest {

    private static String[] run(String... args) {
        return MainTest.run(args);
    }

    @Test
    void defaultsAreTheBestCheckpointOnTheTestSplitWith200Samples() {
        EvalCommand cmd = new EvalCommand();
        new CommandLine(cmd).parseArgs();
        var s = cmd.settings();
        assertEquals("best", s.checkpoint());
        assertEquals(MnistSplit.TEST, s.split());
        assertEquals(200, s.samples());
        assertEquals(0, s.limit());
        new CommandLine(cmd).parseArgs("--split", "valid", "--samples", "5000", "--checkpoint", "latest", "--limit", "500");
        s = cmd.settings();
        assertEquals(MnistSplit.VALIDATION, s.split());
        assertEquals(5000, s.samples());
        assertEquals("latest", s.checkpoint());
        assertEquals(500, s.limit());
        assertEquals(false, cmd.again, "an evaluation already in eval.json is reused unless --again");
        new CommandLine(cmd).parseArgs("--again");
        assertEquals(true, cmd.again);
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        String[] r = run("eval", "--split", "train");
        assertEquals("2", r[0]);
        assertEquals("nf4j: --split must be test or validation, got train", r[2].strip());
        assertEquals("2", run("eval", "--samples", "0")[0]);
        r = run("eval", "--models", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("no run with checkpoints"), r[2]);
        Files.createDirectories(dir.resolve("a").resolve("checkpoints"));
        r = run("eval", "--models", dir.toString(), "--run", "b");
        assertTrue(r[2].contains("no run 'b'"), r[2]);
        assertEquals(dir.resolve("a"), RunFolders.find(dir, null));
        Files.createDirectories(dir.resolve("b").resolve("checkpoints"));
        r = run("eval", "--models", dir.toString(), "--run", "a,b", "--baseline", "a");
        assertEquals("2", r[0]);
        assertEquals("nf4j: --baseline needs one run per --run (2), got 1", r[2].strip());
    }

    @Test
    void helpListsEval() {
        assertTrue(run("--help")[1].contains("eval"));
    }
}
