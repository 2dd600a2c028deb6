package org.nf4j.runtime;

import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place where nf4j reads or writes an array's host memory directly (bulk copies through
 * its pointer, the optimiser's Java loops, batch filling). On the CPU backend host memory is the
 * array, and both calls are ND4J no-ops. On CUDA the live copy may be on the device: before a read
 * the host copy is brought up to date, and after a write the host copy is marked as the newer one,
 * so the device is updated before its next use (ND4J's {@code AffinityManager} protocol). Not yet
 * run on a GPU.
 */
public final class HostMemory {
    private HostMemory() {
    }

    /** Call before reading {@code a}'s host memory directly. */
    public static void beforeRead(INDArray a) {
        Nd4j.getAffinityManager().ensureLocation(a, AffinityManager.Location.HOST);
    }

    /** Call after writing {@code a}'s host memory directly. */
    public static void afterWrite(INDArray a) {
        Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
    }
}
