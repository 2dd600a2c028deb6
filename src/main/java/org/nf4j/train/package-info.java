/** Training machinery shared by the experiments: parameter updates, schedules, progress. */
package org.nf4j.train;
