package org.nf4j.spark;

import java.io.Serializable;

/**
 * One cell of a sweep: what one Spark task runs. It travels to the task by Java serialisation, so
 * it holds values only (text, numbers, records of them), never open files or arrays.
 */
public interface SweepCell extends Serializable {

    /** The cell's name: the prefix of its console lines and the name in progress lines and errors. */
    String name();

    /** Its relative cost (any unit, the same for every cell of a sweep): cells run longest first. */
    double cost();
}
