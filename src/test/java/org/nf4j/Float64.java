package org.nf4j;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code @ExtendWith(Float64.class)}: the test class runs with ND4J's default types set to float64
 * and the previous defaults restored afterwards (they are JVM-wide and would leak into the next class).
 */
public final class Float64 implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Float64.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("saved", new DataType[] {Nd4j.dataType(), Nd4j.defaultFloatingPointType()});
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DataType[] saved = context.getStore(NS).get("saved", DataType[].class);
        Nd4j.setDefaultDataTypes(saved[0], saved[1]);
    }
}
