package org.nf4j.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.nf4j.runtime.BackendSpec;

/**
 * Where and how a sweep's Spark tasks run.
 *
 * <p>The master is, in this order: the one given; the one {@code spark-submit --master} set (the
 * {@code spark.master} system property); {@code local[localSlots]}. A local master {@code local[N]}
 * runs as {@code local[N,F]}, F = {@code spark.task.maxFailures} (4), so that a failed task is
 * retried in local mode too (plain {@code local[N]} never retries).
 *
 * <p>nf4j's defaults, each replaced by a {@code --conf} of the same key: the web UI off
 * ({@code spark.ui.enabled=true} turns it on), no console progress bar, speculation off (a cell is
 * hours of training: a second attempt beside the first would only wait for its lock), 4 attempts per
 * task, {@code OMP_NUM_THREADS=1} and JavaCPP without its memory checks on executors, and the driver
 * on 127.0.0.1 in local mode. Always: Java serialisation ({@code spark.serializer}), since cells and
 * results are Java records, which Kryo cannot serialise.
 *
 * @param master     the master URL, or null for the default above
 * @param conf       Spark settings ({@code --conf KEY=VALUE})
 * @param localSlots N of the default {@code local[N]}
 * @param backend    how every task configures ND4J
 */
public record SparkSettings(String master, Map<String, String> conf, int localSlots, BackendSpec backend) {

    /** How long a cluster sweep may have no executor at all before it gives up (Spark time string). */
    public static final String EXECUTOR_WAIT = "spark.nf4j.executorWait";
    static final String EXECUTOR_WAIT_DEFAULT = "120s";

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\d+|\\*)])?");
    /** The master URLs Spark 3.5 knows. */
    private static final Pattern KNOWN = Pattern.compile("local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[.+]|spark://.+|yarn|k8s://.+|mesos://.+");
    private static final String JAVA_SERIALIZER = "org.apache.spark.serializer.JavaSerializer";
    /** JavaCPP's memory checks off in executors, as in .mvn/jvm.config (native buffers are ND4J's, see NativeGarbage). */
    private static final String EXECUTOR_JAVA_OPTIONS = "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 -Dorg.bytedeco.javacpp.maxBytes=0";

    public SparkSettings {
        if (master != null) {
            requireKnown(master.trim());
        }
        if (localSlots < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + localSlots);
        }
        for (String key : conf.keySet()) {
            if (key.isBlank()) {
                throw new IllegalArgumentException("--conf needs KEY=VALUE, got an empty key");
            }
        }
        conf = Map.copyOf(new LinkedHashMap<>(conf));
    }

    /** Embedded Spark with {@code slots} task slots and no other setting. */
    public static SparkSettings local(int slots, BackendSpec backend) {
        return new SparkSettings(null, Map.of(), slots, backend);
    }

    /** The Spark configuration of a sweep: system properties ({@code spark-submit}'s), nf4j's defaults, then {@link #conf}. */
    public SparkConf sparkConf() {
        SparkConf c = new SparkConf(true);
        conf.forEach(c::set);
        c.setIfMissing("spark.app.name", "nf4j");
        c.setIfMissing("spark.ui.enabled", "false");
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        c.setIfMissing("spark.speculation", "false");
        c.setIfMissing("spark.task.maxFailures", "4");
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        c.setIfMissing("spark.executor.extraJavaOptions", EXECUTOR_JAVA_OPTIONS);
        c.set("spark.serializer", JAVA_SERIALIZER);
        String m = resolvedMaster(c.get("spark.master", null), c.getInt("spark.task.maxFailures", 4));
        c.setMaster(m);
        if (m.startsWith("local")) {
            c.setIfMissing("spark.driver.host", "127.0.0.1");
            c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return c;
    }

    /** The master: given, else spark-submit's, else {@code local[localSlots]}; local ones with retries. */
    String resolvedMaster(String submitted, int maxFailures) {
        String m = master != null ? master.trim() : submitted != null ? submitted : "local[" + localSlots + "]";
        requireKnown(m);
        Matcher local = LOCAL.matcher(m);
        if (local.matches()) {
            String n = local.group(2) != null ? local.group(2) : "1";
            return "local[" + n + "," + maxFailures + "]";
        }
        return m;
    }

    private static void requireKnown(String master) {
        if (!KNOWN.matcher(master).matches()) {
            throw new IllegalArgumentException("--master must be local[N], spark://HOST:PORT, yarn or k8s://HOST:PORT, got '"
                    + master + "'");
        }
    }

    /** Task slots of a local master ({@code local[N]}, {@code local[N,F]}, {@code local[*]}), or 0 for a cluster. */
    static int localSlots(String master) {
        Matcher m = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
        if (!m.matches()) {
            return 0;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }
}
