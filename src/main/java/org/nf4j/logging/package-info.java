/**
 * TensorBoard event files written and read without TensorFlow's native code.
 *
 * <p>An event file is a sequence of TFRecord-framed records ({@link org.nf4j.logging.RecordFraming}),
 * each holding one serialized {@code org.tensorflow.proto.Event}; the protobuf classes come from
 * the pure-Java part of {@code org.tensorflow:tensorflow-core-native} (its javacpp dependency is
 * excluded so ND4J's stays). {@link org.nf4j.logging.EventWriter} writes scalars, images and
 * text; {@link org.nf4j.logging.EventFileReader} reads records back, verifying both checksums.
 */
package org.nf4j.logging;
