package io.packetwalk.shell;

import java.util.List;

/**
 * One command line of a script after quote removal: its 1-based line number, the trimmed text as
 * typed, the words, and whether it ends in {@code &} (runs in the background).
 */
public record ScriptLine(int line, String text, List<String> words, boolean background) {

  public ScriptLine {
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a command line needs at least one word");
    }
  }
}
