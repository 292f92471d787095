package io.packetwalk.shell.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of restore input into words as iptables-restore does: at blanks, with single and
 * double quotes grouping (and removed) and a backslash escaping the quote character inside them.
 */
final class RestoreWords {

  private RestoreWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>(24);
    int length = line.length();
    int i = 0;
    while (i < length) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      int start = i;
      while (i < length) {
        c = line.charAt(i);
        if (c == ' ' || c == '\t' || c == '"' || c == '\'') {
          break;
        }
        i++;
      }
      if (i == length || c == ' ' || c == '\t') {
        words.add(line.substring(start, i));
        continue;
      }
      i = quoted(line, start, words);
    }
    return words;
  }

  /** A word from {@code start} that holds quotes; adds it and returns where it ends. */
  private static int quoted(String line, int start, List<String> words) {
    StringBuilder word = new StringBuilder();
    char quote = 0;
    int i = start;
    for (; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\'
            && i + 1 < line.length()
            && (line.charAt(i + 1) == quote || line.charAt(i + 1) == '\\')) {
          word.append(line.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == ' ' || c == '\t') {
        break;
      }
      if (c == '"' || c == '\'') {
        quote = c;
      } else {
        word.append(c);
      }
    }
    if (quote != 0) {
      throw IptablesError.usage(IptablesRestoreCommand.PROGRAM, "Unterminated quote in input");
    }
    words.add(word.toString());
    return i;
  }
}
