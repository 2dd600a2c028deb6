package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which folder a notebook's workspace is. */
class WorkspaceTest {

    @Test
    void nf4jHomeWinsElseTheCheckoutAboveTheNotebook(@TempDir Path dir) throws Exception {
        Path checkout = dir.resolve("checkout");
        Path notebooks = Files.createDirectories(checkout.resolve("notebooks"));
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        assertEquals(checkout, Workspace.find(Map.of(), notebooks).root());
        assertEquals(checkout.resolve("models").resolve("r"), Workspace.find(Map.of(), checkout).run("r"));
        assertEquals(dir.resolve("elsewhere"), Workspace.find(Map.of(Workspace.HOME_VARIABLE, dir.resolve("elsewhere").toString()),
                notebooks).root());
        Path loose = Files.createDirectories(dir.resolve("loose"));
        assertEquals(loose.resolve("logs").resolve("r"), Workspace.find(Map.of(), loose).runLogs("r"));
    }
}
