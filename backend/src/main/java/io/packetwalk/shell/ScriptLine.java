package io.packetwalk.shell;

import java.util.List;

/**
 * One command line of a script after quote removal: its 1-based line number, the trimmed text as
 * typed (with its here-document, if any), the words, whether it ends in {@code &} (runs in the
 * background), and its redirections: standard input from a here-document ({@code stdin}) or a file,
 * standard output to a file (appended with {@code >>}). Null where there is none.
 */
public record ScriptLine(
    int line,
    String text,
    List<String> words,
    boolean background,
    String stdin,
    String inputFile,
    String outputFile,
    boolean appendOutput,
    List<List<String>> piped) {

  public ScriptLine {
    words = List.copyOf(words);
    piped = piped.stream().map(List::copyOf).toList();
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a command line needs at least one word");
    }
  }

  public ScriptLine(int line, String text, List<String> words, boolean background) {
    this(line, text, words, background, null, null, null, false, List.of());
  }

  /** The same line with {@code body} as its standard input, and its text extended by it. */
  ScriptLine withHereDocument(String fullText, String body) {
    return new ScriptLine(
        line, fullText, words, background, body, inputFile, outputFile, appendOutput, piped);
  }
}
