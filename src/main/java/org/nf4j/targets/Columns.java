package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;

/** Column access for a [batch, 2] SameDiff variable: z1 = z[:, 0], z2 = z[:, 1], each [batch]. */
final class Columns {
    private Columns() {
    }

    /** z[:, 0], shape [batch]. */
    static SDVariable z1(SDVariable z) {
        return z.get(SDIndex.all(), SDIndex.point(0));
    }

    /** z[:, 1], shape [batch]. */
    static SDVariable z2(SDVariable z) {
        return z.get(SDIndex.all(), SDIndex.point(1));
    }
}
