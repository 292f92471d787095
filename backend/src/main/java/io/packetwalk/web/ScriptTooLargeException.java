package io.packetwalk.web;

/** A script sent to {@code /api/run} is longer than the limit. */
final class ScriptTooLargeException extends RuntimeException {

  ScriptTooLargeException(int limitBytes) {
    super(
        "The script is larger than "
            + limitBytes
            + " bytes ("
            + limitBytes / 1024
            + " KiB), the most /api/run accepts; split it into smaller scripts.");
  }
}
