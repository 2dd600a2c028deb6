package org.nf4j.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.data.IteratorState;

/**
 * Everything needed to continue any run exactly, in one format for every kind of run (MNIST, 2-D,
 * grouped 2-D): parameters, updater state, step, data position (null for runs that read no data;
 * the noise of update t is drawn from (seed, t)), best validation score (NaN when there is none),
 * the resolved configuration (key to value, seeds included), and the model's constants: every fixed
 * array the graph drew when it was built (NICE permutations and rotations, ...), so a checkpoint
 * gives the same model whatever order code draws random numbers in. One zip file, written to a
 * temporary file and renamed into place.
 *
 * <p>Format 1 (before constants and the version entry) is still read: its constants are empty and
 * the model keeps its own.
 */
public record Checkpoint(int format, long step, IteratorState iterator, double bestValidation, Map<String, String> config,
                         Map<String, INDArray> params, Map<String, INDArray> constants, INDArray updaterState) {

    /** The format this code writes; it reads this one and every older one. */
    public static final int FORMAT = 2;

    private static final String META = "meta.properties";
    private static final String CONFIG = "config.properties";
    private static final String UPDATER = "updater.bin";
    private static final String PARAM = "param/";
    private static final String CONSTANT = "constant/";

    /**
     * The current parameters (the variables {@code updater} trains), constants and updater state of
     * {@code sd}, at {@code step}; the arrays are not copied (written out before training goes on).
     */
    public static Checkpoint capture(SameDiff sd, ParameterUpdater updater, long step, IteratorState iterator,
                                     double bestValidation, Map<String, String> config) {
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (String p : updater.names()) {
            values.put(p, sd.getVariable(p).getArr());
        }
        return new Checkpoint(FORMAT, step, iterator, bestValidation, Map.copyOf(config), values, constantsOf(sd),
                updater.state());
    }

    /** Every constant of {@code sd} that holds an array, by name. */
    static Map<String, INDArray> constantsOf(SameDiff sd) {
        Map<String, INDArray> out = new TreeMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.CONSTANT && v.getArr() != null) {
                out.put(v.name(), v.getArr());
            }
        }
        return out;
    }

    /**
     * Loads the parameters, constants and updater state into a freshly built graph with the same
     * variables; returns the constants that differed from the graph's own (see {@link #restoreModel}).
     */
    public List<String> restoreInto(SameDiff sd, ParameterUpdater updater) {
        List<String> differing = restoreModel(sd, updater.names());
        if (updaterState.length() != updater.state().length()) {
            throw new IllegalStateException("the checkpoint's updater state has " + updaterState.length()
                    + " values, the model's " + updater.state().length() + ": a different model or optimiser");
        }
        updater.state().assign(updaterState.reshape(updater.state().shape()));
        return differing;
    }

    /**
     * Loads the named parameters and the checkpoint's constants into {@code sd}, checking that each
     * exists there with the same shape; returns the names of the constants whose values differed
     * from the graph's own (drawn in another order or by another version), empty when none did.
     */
    public List<String> restoreModel(SameDiff sd, Iterable<String> names) {
        for (String p : names) {
            INDArray saved = params.get(p);
            if (saved == null) {
                throw new IllegalStateException("the checkpoint has no parameter " + p + ": it belongs to a different model");
            }
            assignChecked(sd, p, saved, "parameter");
        }
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, INDArray> e : constants.entrySet()) {
            if (!sd.hasVariable(e.getKey())) {
                throw new IllegalStateException("the checkpoint has a constant " + e.getKey() + " the model lacks: it belongs to a different model");
            }
            INDArray own = sd.getVariable(e.getKey()).getArr();
            if (own != null && Arrays.equals(own.shape(), e.getValue().shape())
                    && !own.equalsWithEps(e.getValue().castTo(own.dataType()), 0)) {
                differing.add(e.getKey());
            }
            assignChecked(sd, e.getKey(), e.getValue(), "constant");
        }
        return differing;
    }

    private static void assignChecked(SameDiff sd, String name, INDArray saved, String what) {
        INDArray target = sd.getVariable(name).getArr();
        if (!Arrays.equals(saved.shape(), target.shape())) {
            throw new IllegalStateException(what + " " + name + " has shape " + Arrays.toString(saved.shape())
                    + " in the checkpoint but " + Arrays.toString(target.shape()) + " in the model");
        }
        target.assign(saved);
    }

    /** Writes atomically: a kill at any moment leaves either the old file or the new one. */
    public void write(Path file) throws IOException {
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            if (!finite(e.getValue())) {
                throw new IllegalStateException("refusing to checkpoint non-finite parameter " + e.getKey() + " at step " + step);
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            Properties meta = new Properties();
            meta.setProperty("format", Integer.toString(FORMAT));
            meta.setProperty("step", Long.toString(step));
            if (iterator != null) {
                meta.setProperty("iterator", iterator.encode());
            }
            meta.setProperty("bestValidation", Double.toString(bestValidation));
            meta.setProperty("params", String.join(",", params.keySet()));
            meta.setProperty("constants", String.join(",", constants.keySet()));
            zip.putNextEntry(new ZipEntry(META));
            meta.store(zip, "nf4j checkpoint");
            zip.putNextEntry(new ZipEntry(CONFIG));
            Properties settings = new Properties();
            settings.putAll(config);
            settings.store(zip, "the run's resolved configuration");
            writeArrays(zip, PARAM, params);
            writeArrays(zip, CONSTANT, constants);
            zip.putNextEntry(new ZipEntry(UPDATER));
            writeArray(zip, updaterState);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeArrays(ZipOutputStream zip, String prefix, Map<String, INDArray> arrays) throws IOException {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(prefix + e.getKey()));
            writeArray(zip, e.getValue());
        }
    }

    private static boolean finite(INDArray a) {
        double s = a.sumNumber().doubleValue();
        return Double.isFinite(s) && Double.isFinite(a.amaxNumber().doubleValue());
    }

    private static void writeArray(OutputStream out, INDArray a) throws IOException {
        // Nd4j.write needs a DataOutputStream; a buffer keeps it from closing the zip stream
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream dos = new DataOutputStream(bytes)) {
            Nd4j.write(a, dos);
        }
        bytes.writeTo(out);
    }

    /** Reads a checkpoint; any damage (truncation, missing entry, bad array, unknown format) is an IOException. */
    public static Checkpoint read(Path file) throws IOException {
        Properties meta = null;
        Properties settings = null;
        INDArray updater = null;
        Map<String, INDArray> params = new LinkedHashMap<>();
        Map<String, INDArray> constants = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                String name = e.getName();
                if (name.equals(META)) {
                    meta = properties(bytes);
                } else if (name.equals(CONFIG)) {
                    settings = properties(bytes);
                } else if (name.equals(UPDATER)) {
                    updater = readArray(bytes);
                } else if (name.startsWith(PARAM)) {
                    params.put(name.substring(PARAM.length()), readArray(bytes));
                } else if (name.startsWith(CONSTANT)) {
                    constants.put(name.substring(CONSTANT.length()), readArray(bytes));
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException ex) {
            throw new IOException("damaged or truncated checkpoint " + file + " (" + ex.getMessage() + ")", ex);
        } catch (RuntimeException ex) {
            throw new IOException("unreadable checkpoint " + file + ": " + ex.getMessage(), ex);
        }
        if (meta == null || settings == null || updater == null) {
            throw new IOException("incomplete checkpoint " + file);
        }
        try {
            int format = Integer.parseInt(meta.getProperty("format", "1"));
            if (format > FORMAT) {
                throw new IOException("checkpoint " + file + " has format " + format + "; this version of nf4j reads formats up to "
                        + FORMAT + " (it was written by a newer nf4j)");
            }
            requireAll(file, "parameter", meta.getProperty("params", ""), params);
            requireAll(file, "constant", meta.getProperty("constants", ""), constants);
            Map<String, String> config = new TreeMap<>();
            for (String k : settings.stringPropertyNames()) {
                config.put(k, settings.getProperty(k));
            }
            String it = meta.getProperty("iterator");
            return new Checkpoint(format, Long.parseLong(meta.getProperty("step")), it == null ? null : IteratorState.parse(it),
                    Double.parseDouble(meta.getProperty("bestValidation")), config, params, constants, updater);
        } catch (RuntimeException ex) {
            throw new IOException("corrupt metadata in checkpoint " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static void requireAll(Path file, String what, String listed, Map<String, INDArray> found) throws IOException {
        for (String name : listed.split(",")) {
            if (!name.isEmpty() && !found.containsKey(name)) {
                throw new IOException("checkpoint " + file + " lacks " + what + " " + name);
            }
        }
    }

    private static Properties properties(byte[] bytes) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
        return p;
    }

    private static INDArray readArray(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return Nd4j.read(in);
        }
    }
}
