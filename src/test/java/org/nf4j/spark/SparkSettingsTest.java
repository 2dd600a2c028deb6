package org.nf4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The Spark configuration a sweep runs with. */
class SparkSettingsTest {

    @Test
    void localMastersRetryAndTheDefaultIsLocalWithTheJobs() {
        SparkSettings three = new SparkSettings(null, Map.of(), 3, LocalSpark.CPU);
        assertEquals("local[3,4]", three.resolvedMaster(null, 4));
        assertEquals("spark://h:7077", three.resolvedMaster("spark://h:7077", 4), "spark-submit's master wins over the default");
        SparkSettings given = new SparkSettings("local[2]", Map.of(), 3, LocalSpark.CPU);
        assertEquals("local[2,6]", given.resolvedMaster("spark://h:7077", 6), "--master wins over spark-submit's");
        assertEquals("local[*,4]", new SparkSettings("local[*]", Map.of(), 1, LocalSpark.CPU).resolvedMaster(null, 4));
        assertEquals("local[1,4]", new SparkSettings("local", Map.of(), 1, LocalSpark.CPU).resolvedMaster(null, 4));
        assertEquals("local[2,3]", new SparkSettings("local[2,3]", Map.of(), 1, LocalSpark.CPU).resolvedMaster(null, 4));
        assertEquals(2, SparkSettings.localSlots("local[2,4]"));
        assertEquals(0, SparkSettings.localSlots("spark://h:7077"));
    }

    @Test
    void nf4jDefaultsGiveWayToConfButTheSerializerStaysJava() {
        SparkConf c = new SparkSettings("spark://h:7077", Map.of("spark.ui.enabled", "true", "spark.task.maxFailures", "2",
                "spark.serializer", "org.apache.spark.serializer.KryoSerializer"), 2, LocalSpark.CPU).sparkConf();
        assertEquals("true", c.get("spark.ui.enabled"));
        assertEquals("false", c.get("spark.speculation"));
        assertEquals("2", c.get("spark.task.maxFailures"));
        assertEquals("org.apache.spark.serializer.JavaSerializer", c.get("spark.serializer"));
        assertEquals("1", c.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("spark://h:7077", c.get("spark.master"));
        assertEquals(false, c.contains("spark.driver.host"), "a cluster's workers must reach the driver by its address");
        SparkConf local = SparkSettings.local(2, LocalSpark.CPU).sparkConf();
        assertEquals("false", local.get("spark.ui.enabled"));
        assertEquals("local[2,4]", local.get("spark.master"));
        assertEquals("127.0.0.1", local.get("spark.driver.host"));
    }

    @Test
    void badValuesAreOneLine() {
        assertEquals("--jobs must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new SparkSettings(null, Map.of(), 0, LocalSpark.CPU)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SparkSettings(" ", Map.of(), 1, LocalSpark.CPU));
        assertThrows(IllegalArgumentException.class, () -> MasterCheck.requireReachable("spark://nohost"));
    }
}
