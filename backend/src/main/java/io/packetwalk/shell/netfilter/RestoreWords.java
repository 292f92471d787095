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
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
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
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
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
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
