package org.nf4j.nn;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

/** The trainable variables of a graph. */
public final class Trainables {
    private Trainables() {
    }

    /** Names of every VARIABLE-type variable (not constants or placeholders), in graph order. */
    public static List<String> of(SameDiff sd) {
        List<String> names = new ArrayList<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }
}
