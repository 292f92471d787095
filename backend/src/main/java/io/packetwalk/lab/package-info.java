/**
 * Lab documents: the shareable, versioned description of a world, read from a world ({@link
 * io.packetwalk.lab.WorldSnapshot}), written as a shell script ({@link
 * io.packetwalk.lab.LabScript}) and built back into a world by running that script ({@link
 * io.packetwalk.lab.LabBuilder}).
 */
package io.packetwalk.lab;
