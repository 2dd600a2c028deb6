package org.nf4j;

import java.nio.charset.Charset;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.nf4j.logging.LineDropFilter;

/**
 * Drops SameDiff's "Added differentiated op ..." lines (one per op of every gradient graph, printed
 * with {@code System.out.println}; ~14,000 lines per test run) from the tests' standard output, as
 * {@code Main} does for the command line. Registered for the JUnit launcher in
 * {@code META-INF/services}; everything else printed still shows.
 */
public final class QuietSameDiff implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        System.setOut(LineDropFilter.of(System.out, LineDropFilter.SAMEDIFF_GRADIENT_CHATTER, charset));
    }
}
