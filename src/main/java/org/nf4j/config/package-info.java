/**
 * Immutable run configurations, their defaults, and loading them from files in conf/; the Jackson
 * mappers every JSON and properties file of nf4j goes through ({@link org.nf4j.config.Mappers}) and the
 * record-to-settings map that TrainConfig and ToyConfig share ({@link org.nf4j.config.Settings}). No ND4J here.
 */
package org.nf4j.config;
