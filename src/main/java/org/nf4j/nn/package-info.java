/** Reusable SameDiff layer builders (MLPs, initialisation). No data, no training. */
package org.nf4j.nn;
