package org.nf4j.data;

import java.io.Serializable;

/**
 * Where a training task finds its digits. It travels with the task and loads the digits where the
 * task runs (a Spark executor), so the driver never ships tens of megabytes of pixels: on a cluster
 * the files must be on every worker, or on a mount they share.
 */
public interface DigitSource extends Serializable {

    /** The training digits. */
    MnistSplitData train();

    /** The validation digits, or null when training uses all 60,000. */
    MnistSplitData validation();

    /** The test digits. */
    MnistSplitData test();
}
