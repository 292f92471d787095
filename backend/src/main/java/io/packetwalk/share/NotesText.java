package io.packetwalk.share;

import java.util.regex.Pattern;

/**
 * A lab's Markdown notes as one line of plain text for a link preview's description: link and image
 * syntax becomes its text, heading, quote and list marks and emphasis go, whitespace is collapsed,
 * and the text is cut at a word to {@value #MAX_LENGTH} characters. The result is text, not HTML:
 * the page template escapes it.
 */
final class NotesText {

  static final int MAX_LENGTH = 200;

  private static final Pattern FENCE = Pattern.compile("(?m)^\\s*(```|~~~).*$");
  private static final Pattern IMAGE_OR_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINE_MARK = Pattern.compile("(?m)^\\s*(#{1,6}|>|[-*+]|\\d+\\.)\\s+");
  private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|\\*|`");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private NotesText() {}

  static String plain(String markdown) {
    String text = FENCE.matcher(markdown).replaceAll(" ");
    text = IMAGE_OR_LINK.matcher(text).replaceAll("$1");
    text = LINE_MARK.matcher(text).replaceAll("");
    text = EMPHASIS.matcher(text).replaceAll("");
    text = SPACE.matcher(text).replaceAll(" ").strip();
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
    return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
  }
}
