package org.nf4j.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.data.IteratorState;

/**
 * Everything needed to continue a run exactly: parameters, updater state, step, data position
 * (which also fixes the noise, drawn from (seed, step); null for runs that read no data, such as
 * the 2-D energies), best validation score (NaN when there is none), and the resolved config (the
 * training properties of an MNIST run; a 2-D run's {@code ToyConfig.trajectoryKey()}).
 * Stored as one zip file, written to a temporary file and renamed into place.
 */
public record Checkpoint(long step, IteratorState iterator, double bestValidation, String config,
                         Map<String, INDArray> params, INDArray updaterState) {

    private static final String META = "meta.properties";
    private static final String CONFIG = "config.properties";
    private static final String UPDATER = "updater.bin";
    private static final String PARAM = "param/";

    /** The current parameters (the variables {@code updater} trains) and updater state of {@code sd}. */
    public static Checkpoint capture(SameDiff sd, ParameterUpdater updater, long step, IteratorState iterator,
                                     double bestValidation, String config) {
        Map<String, INDArray> values = new LinkedHashMap<>();
        for (String p : updater.names()) {
            values.put(p, sd.getVariable(p).getArr());
        }
        return new Checkpoint(step, iterator, bestValidation, config, values, updater.state());
    }

    /** Loads the parameters and updater state into a freshly built graph with the same variables. */
    public void restoreInto(SameDiff sd, ParameterUpdater updater) {
        restoreParameters(sd, updater.names());
        if (updaterState.length() != updater.state().length()) {
            throw new IllegalStateException("the checkpoint's updater state has " + updaterState.length()
                    + " values, the model's " + updater.state().length() + ": a different model or optimiser");
        }
        updater.state().assign(updaterState.reshape(updater.state().shape()));
    }

    /** Loads the named parameters into {@code sd}, checking that each exists with the same shape. */
    public void restoreParameters(SameDiff sd, Iterable<String> names) {
        for (String p : names) {
            INDArray saved = params.get(p);
            if (saved == null) {
                throw new IllegalStateException("the checkpoint has no parameter " + p + ": it belongs to a different model");
            }
            INDArray target = sd.getVariable(p).getArr();
            if (!Arrays.equals(saved.shape(), target.shape())) {
                throw new IllegalStateException("parameter " + p + " has shape " + Arrays.toString(saved.shape())
                        + " in the checkpoint but " + Arrays.toString(target.shape()) + " in the model");
            }
            target.assign(saved);
        }
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
            meta.setProperty("step", Long.toString(step));
            if (iterator != null) {
                meta.setProperty("iterator", iterator.encode());
            }
            meta.setProperty("bestValidation", Double.toString(bestValidation));
            meta.setProperty("params", String.join(",", params.keySet()));
            zip.putNextEntry(new ZipEntry(META));
            meta.store(zip, "nf4j checkpoint");
            zip.putNextEntry(new ZipEntry(CONFIG));
            zip.write(config.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, INDArray> e : params.entrySet()) {
                zip.putNextEntry(new ZipEntry(PARAM + e.getKey()));
                writeArray(zip, e.getValue());
            }
            zip.putNextEntry(new ZipEntry(UPDATER));
            writeArray(zip, updaterState);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean finite(INDArray a) {
        double s = a.sumNumber().doubleValue();
        return Double.isFinite(s) && Double.isFinite(a.amaxNumber().doubleValue());
    }

    private static void writeArray(OutputStream out, INDArray a) throws IOException {
        DataOutputStream dos = new DataOutputStream(out);
        Nd4j.write(a, dos);
        dos.flush();
    }

    /** Reads a checkpoint; any damage (truncation, missing entry, bad array) is an IOException. */
    public static Checkpoint read(Path file) throws IOException {
        Properties meta = null;
        String config = null;
        INDArray updater = null;
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                byte[] bytes = zip.readAllBytes();
                if (e.getName().equals(META)) {
                    meta = new Properties();
                    meta.load(new StringReader(new String(bytes, StandardCharsets.ISO_8859_1)));
                } else if (e.getName().equals(CONFIG)) {
                    config = new String(bytes, StandardCharsets.UTF_8);
                } else if (e.getName().equals(UPDATER)) {
                    updater = readArray(bytes);
                } else if (e.getName().startsWith(PARAM)) {
                    arrays.put(e.getName().substring(PARAM.length()), readArray(bytes));
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException ex) {
            throw new IOException("damaged or truncated checkpoint " + file + " (" + ex.getMessage() + ")", ex);
        } catch (RuntimeException ex) {
            throw new IOException("unreadable checkpoint " + file + ": " + ex.getMessage(), ex);
        }
        if (meta == null || config == null || updater == null) {
            throw new IOException("incomplete checkpoint " + file);
        }
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (String name : meta.getProperty("params", "").split(",")) {
            INDArray a = arrays.get(name);
            if (a == null) {
                throw new IOException("checkpoint " + file + " lacks parameter " + name);
            }
            params.put(name, a);
        }
        try {
            String it = meta.getProperty("iterator");
            return new Checkpoint(Long.parseLong(meta.getProperty("step")), it == null ? null : IteratorState.parse(it),
                    Double.parseDouble(meta.getProperty("bestValidation")), config, params, updater);
        } catch (RuntimeException ex) {
            throw new IOException("corrupt metadata in checkpoint " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static INDArray readArray(byte[] bytes) throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            return Nd4j.read(new DataInputStream(in));
        }
    }
}
