/** The deep latent Gaussian model with a flow-refined posterior: graph wiring only, no loops, no files. */
package org.nf4j.model;
