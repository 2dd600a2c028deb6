/** Immutable run configurations, their defaults, and loading them from files in conf/. No ND4J here. */
package org.nf4j.config;
