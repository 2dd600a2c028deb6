package org.nf4j.flows;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Groups of rows that go through their own copy of a flow (see {@link FlowKind#grouped}): the rows of
 * a batch are ordered by group, {@code batch} rows per group, and {@code membership [rows, groups]}
 * holds each row's one-hot group. A grouped variable stacks the groups' copies of a global variable
 * along axis 0: global shape {@code [a, ...]} becomes {@code [groups * a, ...]}, group g owning rows
 * {@code [g * a, (g + 1) * a)}.
 */
public final class Groups {
    private Groups() {
    }

    /** The one-hot membership {@code [groups * batch, groups]} of rows ordered by group. */
    public static INDArray membership(int groups, int batch, DataType type) {
        INDArray m = Nd4j.zeros(type, (long) groups * batch, groups);
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < batch; i++) {
                m.putScalar((long) g * batch + i, g, 1.0);
            }
        }
        return m;
    }

    /** {@code groups} copies of {@code a} stacked along axis 0. */
    public static INDArray tile(INDArray a, int groups) {
        if (groups < 1) {
            throw new IllegalArgumentException("need at least one group, got " + groups);
        }
        INDArray[] copies = new INDArray[groups];
        for (int g = 0; g < groups; g++) {
            copies[g] = a;
        }
        return groups == 1 ? a.dup() : Nd4j.concat(0, copies);
    }

    /** Group g's part of a grouped array: rows {@code [g * a, (g + 1) * a)} of axis 0, a = length / groups. */
    public static INDArray part(INDArray grouped, int g, int groups) {
        long a = grouped.size(0) / groups;
        if (a * groups != grouped.size(0) || g < 0 || g >= groups) {
            throw new IllegalArgumentException("cannot take group " + g + " of " + groups + " from shape "
                    + Arrays.toString(grouped.shape()));
        }
        return grouped.get(NDArrayIndex.interval(g * a, (g + 1) * a));
    }

    /** A per-group value {@code [groups]} spread to its rows: {@code [rows]}. */
    static SDVariable perRow(SameDiff sd, SDVariable perGroup, SDVariable membership, int groups) {
        return sd.reshape(membership.mmul(sd.reshape(perGroup, groups, 1)), -1);
    }
}
