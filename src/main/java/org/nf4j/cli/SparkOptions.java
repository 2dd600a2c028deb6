package org.nf4j.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.spark.SparkSettings;
import picocli.CommandLine.Option;

/** {@code --master}, {@code --conf} and {@code --jobs}: where a sweep's Spark tasks run. */
public final class SparkOptions {

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] (default, N = --jobs), spark://HOST:PORT (standalone), yarn, k8s://...; "
                    + "under spark-submit, its --master")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "a Spark setting, repeatable (e.g. spark.executor.memory=2g; spark.ui.enabled=true for the web UI)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--jobs", description = "cells at the same time in local[N] (default: the number of cores)")
    Integer jobs;

    /** Cells at once in the default local master: --jobs, else the number of cores. */
    int jobs() {
        int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + n);
        }
        return n;
    }

    SparkSettings settings(BackendSpec backend) {
        return new SparkSettings(master, conf, jobs(), backend);
    }
}
