package org.nf4j.spark;

import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.BackendSpec;

/** Embedded Spark for tests: {@code local[slots]}, one native and one BLAS thread per task. */
public final class LocalSpark {
    public static final BackendSpec CPU = new BackendSpec(BackendChoice.CPU, 1, 1);

    private LocalSpark() {
    }

    public static SweepEngine engine(int slots) {
        return new SweepEngine(SparkSettings.local(slots, CPU));
    }
}
