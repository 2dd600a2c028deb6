package org.nf4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and one Worker started as child JVMs
 * from the Maven jars (this JVM's class path), on free ports, logging to files in {@code dir}.
 * {@link #close()} stops both and every process they started (executors), and waits for them.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final long START_TIMEOUT_SECONDS = 120;

    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private Process worker;

    private StandaloneCluster(int masterPort, int masterUiPort, Process master) {
        this.masterPort = masterPort;
        this.masterUiPort = masterUiPort;
        this.master = master;
    }

    /** Starts a master and a worker with {@code cores} cores; returns once the worker has registered. */
    public static StandaloneCluster start(Path dir, int cores) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("spark-home").resolve("jars"));
        int port = freePort();
        int ui = freePort();
        StandaloneCluster c = new StandaloneCluster(port, ui, launch(dir, "master", "org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port", String.valueOf(ui)));
        try {
            await(() -> accepts(port), "the master to listen on " + port, c.master);
            c.worker = launch(dir, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                    "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(cores), "--memory", "2g",
                    "--work-dir", dir.resolve("work").toString(), c.url());
            await(c::workerRegistered, "the worker to register", c.worker);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** spark://127.0.0.1:PORT */
    public String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** What a driver in this JVM needs to use the cluster: the executors' class path (this JVM's), the driver's address. */
    public static List<String> driverConf() {
        return List.of("--conf", "spark.executor.extraClassPath=" + System.getProperty("java.class.path"),
                "--conf", "spark.driver.host=127.0.0.1");
    }

    /** Kills the worker and the executors it started, as a machine that dies would. */
    public void killWorker() throws InterruptedException {
        kill(worker);
    }

    @Override
    public void close() throws InterruptedException {
        kill(worker);
        kill(master);
    }

    private boolean workerRegistered() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + masterUiPort + "/json/")).build(), HttpResponse.BodyHandlers.ofString());
            return r.body().replaceAll("\\s", "").contains("\"aliveworkers\":1");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Process launch(Path dir, String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptions().split(" "))); // what spark-submit adds on Java 17
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", dir.resolve("spark-home").toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        return pb.start();
    }

    private static void kill(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + h.pid() + " did not end", e);
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void await(BooleanSupplier ready, String what, Process p) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (!ready.getAsBoolean()) {
            if (!p.isAlive()) {
                throw new IllegalStateException("waiting for " + what + ": the process ended (exit " + p.exitValue() + ")");
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("waiting for " + what + ": gave up after " + START_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
