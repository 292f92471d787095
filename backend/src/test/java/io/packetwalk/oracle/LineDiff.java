package io.packetwalk.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * A small unified-diff-like view of two short texts: {@code -} lines only the kernel printed,
 * {@code +} lines only the simulator printed. Lines are shown cat -A style (tab as {@code ^I}, end
 * of line as {@code $}) so whitespace differences are visible.
 */
final class LineDiff {

  private LineDiff() {}

  static String render(String expected, String actual) {
    List<String> a = split(expected);
    List<String> b = split(actual);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.append("  ").append(visible(a.get(i))).append('\n');
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.append("+ ").append(visible(b.get(j))).append('\n');
        j++;
      } else {
        out.append("- ").append(visible(a.get(i))).append('\n');
        i++;
      }
    }
    if (!expected.isEmpty()
        && !actual.isEmpty()
        && expected.endsWith("\n") != actual.endsWith("\n")) {
      out.append("  (final newline: kernel ")
          .append(expected.endsWith("\n") ? "yes" : "no")
          .append(", simulator ")
          .append(actual.endsWith("\n") ? "yes" : "no")
          .append(")\n");
    }
    return out.toString();
  }

  static String visible(String line) {
    return line.replace("\t", "^I") + "$";
  }

  private static List<String> split(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
