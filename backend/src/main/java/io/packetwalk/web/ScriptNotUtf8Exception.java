package io.packetwalk.web;

/** A script sent to {@code /api/run} is not UTF-8 text. */
final class ScriptNotUtf8Exception extends RuntimeException {

  ScriptNotUtf8Exception() {
    super("The script is not UTF-8 text; send it as text/plain in UTF-8.");
  }
}
