/**
 * What happened, as data: immutable trace steps with a closed set of kinds and dispositions, each
 * carrying a sentence a learner can read and the packet's headers after the step.
 */
package io.packetwalk.trace;
