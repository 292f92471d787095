package io.packetwalk.oracle;

/**
 * One concern of output normalisation: rewrites a command's stdout or stderr so that what the
 * kernel makes random or time-dependent no longer differs. Applied identically to both sides.
 */
interface Normalisation {

  String apply(CommandLine command, String text);
}
