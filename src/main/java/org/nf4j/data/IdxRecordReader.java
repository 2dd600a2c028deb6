package org.nf4j.data;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.datavec.api.conf.Configuration;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.records.metadata.RecordMetaDataIndex;
import org.datavec.api.records.reader.BaseRecordReader;
import org.datavec.api.split.InputSplit;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.Writable;

/**
 * DataVec {@code RecordReader} for a pair of IDX files (images and, optionally, labels), raw or gzip.
 *
 * <p>Each record is {@code rows * cols} {@link IntWritable} pixel values (0..255, row-major)
 * followed, when a label file is given, by one {@link IntWritable} label. This is the layout that
 * DataVec's {@code RecordReaderDataSetIterator} expects with {@code labelIndex = rows * cols}.
 * Headers are validated on {@link #initialize} (magic numbers 2051/2049, dimensions, file lengths,
 * matching image and label counts); a truncated compressed file is reported when reached.
 *
 * <p>For bulk loading, {@link #nextInto(byte[], int)} reads the next example straight into a byte
 * array through the same validated stream, avoiding one object per pixel.
 */
public class IdxRecordReader extends BaseRecordReader {
    private static final long serialVersionUID = 1L;

    private transient Path imagesPath;
    private transient Path labelsPath;
    private transient IdxReader images;
    private transient IdxReader labels;
    private transient byte[] pixelBuffer;
    private Configuration conf;

    /** Creates a reader to be given its files through {@link #initialize(InputSplit)}. */
    public IdxRecordReader() {
    }

    /**
     * Creates and initialises a reader.
     *
     * @param imagesPath IDX image file (magic 2051)
     * @param labelsPath IDX label file (magic 2049), or null for images only
     * @throws MnistDataException if a file is missing or invalid, or the counts disagree
     */
    public IdxRecordReader(Path imagesPath, Path labelsPath) {
        open(imagesPath, labelsPath);
    }

    /**
     * Takes one or two locations from the split; which is the image file and which the label file
     * is decided by their magic numbers.
     */
    @Override
    public void initialize(InputSplit split) throws IOException, InterruptedException {
        super.initialize(split);
        URI[] locations = split.locations();
        if (locations.length < 1 || locations.length > 2) {
            throw new IllegalArgumentException("an IDX split needs one image file and optionally one"
                    + " label file, got " + locations.length + " locations");
        }
        Path img = null;
        Path lbl = null;
        for (URI uri : locations) {
            Path p = Path.of(uri);
            int magic = IdxReader.peekMagic(p);
            if (magic == IdxReader.IMAGE_MAGIC && img == null) {
                img = p;
            } else if (magic == IdxReader.LABEL_MAGIC && lbl == null) {
                lbl = p;
            } else {
                throw new MnistDataException(p + " is not the expected IDX file: magic number " + magic
                        + ", expected 2051 (images) or 2049 (labels), one of each");
            }
        }
        if (img == null) {
            throw new MnistDataException("no IDX image file (magic 2051) among " + List.of(locations));
        }
        open(img, lbl);
    }

    @Override
    public void initialize(Configuration conf, InputSplit split) throws IOException, InterruptedException {
        setConf(conf);
        initialize(split);
    }

    private void open(Path imagesPath, Path labelsPath) {
        close();
        IdxReader img = IdxReader.open(imagesPath, IdxReader.IMAGE_MAGIC);
        IdxReader lbl = null;
        if (labelsPath != null) {
            try {
                lbl = IdxReader.open(labelsPath, IdxReader.LABEL_MAGIC);
            } catch (RuntimeException e) {
                img.close();
                throw e;
            }
            if (lbl.count() != img.count()) {
                img.close();
                lbl.close();
                throw new MnistDataException("image/label count mismatch: " + imagesPath + " has "
                        + img.count() + " images but " + labelsPath + " has " + lbl.count()
                        + " labels; use matching files (delete them and fetch again)");
            }
        }
        this.imagesPath = imagesPath;
        this.labelsPath = labelsPath;
        this.images = img;
        this.labels = lbl;
        this.pixelBuffer = new byte[img.itemSize()];
    }

    private void requireOpen() {
        if (images == null) {
            throw new IllegalStateException("IdxRecordReader is not initialised");
        }
    }

    /** @return number of examples in the files */
    public int numExamples() {
        requireOpen();
        return images.count();
    }

    /** @return image rows */
    public int rows() {
        requireOpen();
        return images.rows();
    }

    /** @return image columns */
    public int cols() {
        requireOpen();
        return images.cols();
    }

    /** @return true if a label file was given */
    public boolean hasLabelFile() {
        requireOpen();
        return labels != null;
    }

    /** @return the image file */
    public Path imagesPath() {
        return imagesPath;
    }

    /** @return the label file, or null */
    public Path labelsPath() {
        return labelsPath;
    }

    /**
     * Reads the next example's pixels into {@code dst} (bulk path, no per-pixel objects).
     *
     * @param dst destination of {@code rows * cols} unsigned pixel bytes
     * @param offset where in {@code dst} they go
     * @return the label 0..255, or -1 without a label file
     */
    public int nextInto(byte[] dst, int offset) {
        requireOpen();
        if (!images.hasNext()) {
            throw new java.util.NoSuchElementException("no more examples in " + imagesPath);
        }
        images.readItem(dst, offset);
        return labels == null ? -1 : labels.readLabel();
    }

    @Override
    public List<Writable> next() {
        int label = nextInto(pixelBuffer, 0);
        List<Writable> out = new ArrayList<>(pixelBuffer.length + 1);
        for (byte b : pixelBuffer) {
            out.add(new IntWritable(b & 0xff));
        }
        if (label >= 0) {
            out.add(new IntWritable(label));
        }
        invokeListeners(out);
        return out;
    }

    @Override
    public boolean batchesSupported() {
        return true;
    }

    /** @return up to {@code num} next records (fewer at the end of the file) */
    @Override
    public List<List<Writable>> next(int num) {
        List<List<Writable>> out = new ArrayList<>(num);
        while (out.size() < num && hasNext()) {
            out.add(next());
        }
        return out;
    }

    @Override
    public boolean hasNext() {
        requireOpen();
        return images.hasNext();
    }

    /** @return the class names "0".."9" when labels are read, otherwise null */
    @Override
    public List<String> getLabels() {
        if (labels == null) {
            return null;
        }
        List<String> names = new ArrayList<>(10);
        for (int i = 0; i < 10; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    @Override
    public void reset() {
        if (imagesPath == null) {
            throw new IllegalStateException("IdxRecordReader is not initialised");
        }
        open(imagesPath, labelsPath);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** Not supported: IDX records are not self-contained streams. */
    @Override
    public List<Writable> record(URI uri, DataInputStream dataInputStream) {
        throw new UnsupportedOperationException("IdxRecordReader reads whole IDX files; use next()");
    }

    @Override
    public Record nextRecord() {
        long index = images == null ? 0 : images.itemsRead();
        List<Writable> rec = next();
        return new org.datavec.api.records.impl.Record(rec,
                new RecordMetaDataIndex(index, imagesPath.toUri(), IdxRecordReader.class));
    }

    @Override
    public Record loadFromMetaData(RecordMetaData recordMetaData) throws IOException {
        return loadFromMetaData(List.of(recordMetaData)).get(0);
    }

    /** Re-reads the requested examples from the same files (sequentially, from the start). */
    @Override
    public List<Record> loadFromMetaData(List<RecordMetaData> recordMetaDatas) throws IOException {
        requireOpen();
        List<Record> out = new ArrayList<>(recordMetaDatas.size());
        for (RecordMetaData meta : recordMetaDatas) {
            if (!(meta instanceof RecordMetaDataIndex)) {
                throw new IllegalArgumentException("expected RecordMetaDataIndex, got " + meta);
            }
            long index = ((RecordMetaDataIndex) meta).getIndex();
            try (IdxRecordReader fresh = new IdxRecordReader(imagesPath, labelsPath)) {
                if (index < 0 || index >= fresh.numExamples()) {
                    throw new IllegalArgumentException("index " + index + " out of range");
                }
                byte[] skip = new byte[fresh.images.itemSize()];
                for (long i = 0; i < index; i++) {
                    fresh.nextInto(skip, 0);
                }
                out.add(fresh.nextRecord());
            }
        }
        return out;
    }

    @Override
    public void setConf(Configuration conf) {
        this.conf = conf;
    }

    @Override
    public Configuration getConf() {
        return conf;
    }

    @Override
    public void close() {
        if (images != null) {
            images.close();
            images = null;
        }
        if (labels != null) {
            labels.close();
            labels = null;
        }
    }
}
