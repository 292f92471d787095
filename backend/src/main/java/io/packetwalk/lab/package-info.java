/** Lab documents: the versioned description of a world, its snapshot, script and builder. */
package io.packetwalk.lab;
