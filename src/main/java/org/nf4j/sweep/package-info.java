/**
 * The Table 2 sweep of Rezende and Mohamed (2015): DLGM with a diagonal posterior (K = 0) and with
 * K-step flows (planar, NICE-perm, ...), trained under one budget and evaluated by importance
 * sampling, then tabulated beside the paper's numbers and plotted like its Figure 4. Resumable:
 * finished cells are reused, interrupted ones continue from their checkpoints.
 */
package org.nf4j.sweep;
