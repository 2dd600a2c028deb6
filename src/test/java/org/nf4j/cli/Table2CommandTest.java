package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.sweep.Table2Cell;
import picocli.CommandLine;

/** table2's options become the sweep's cells and shared config, without running anything. */
class Table2CommandTest {

    @Test
    void defaultsAreThePaperGridAndFlagsOverrideTheConfigFile(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("t.properties");
        Files.writeString(conf, "steps=3000\nlr=1e-4\noptimizer=rmsprop\n");
        Table2Command cmd = new Table2Command();
        new CommandLine(cmd).parseArgs("--config", conf.toString(), "--lr", "2e-3", "--models", dir.toString());
        List<Table2Cell> cells = cmd.sweep().cells();
        assertEquals(List.of("table2-diagonal-k0", "table2-planar-k10", "table2-planar-k20", "table2-planar-k40",
                "table2-planar-k80", "table2-nice-perm-k10", "table2-nice-perm-k20", "table2-nice-perm-k40",
                "table2-nice-perm-k80"), cells.stream().map(Table2Cell::run).toList());
        assertEquals(3000, cells.get(4).config().steps());
        assertEquals(2e-3, cells.get(4).config().lr());
        assertEquals("rmsprop", cells.get(4).config().optimizer());
        assertEquals(80, cells.get(4).config().k());
        assertEquals(0, cells.get(0).config().k());

        new CommandLine(cmd).parseArgs("--flows", "nice", "--k", "2", "--steps", "200", "--prefix", "small");
        assertEquals(List.of("small-diagonal-k0", "small-nice-perm-k2"), cmd.sweep().cells().stream().map(Table2Cell::run).toList());
    }

    @Test
    void badFlowIsOneLine() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("table2", "--flows", "planar,glow"));
        assertTrue(err.toString().startsWith("nf4j: unknown flow 'glow'"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }
}
