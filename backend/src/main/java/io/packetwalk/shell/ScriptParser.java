package io.packetwalk.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits scripts into command lines and lines into words, the way bash would for the subset the
 * simulator runs: one simple command per line, {@code #} comments, single and double quotes,
 * backslash escapes, a trailing {@code &}, here-documents ({@code <<'EOF'} … {@code EOF}),
 * redirections of input from and output to a file ({@code < F}, {@code > F}, {@code >> F}) and
 * pipelines ({@code iptables-save | grep DOCKER}). Everything else bash would interpret (pipes,
 * lists, other redirections, expansions, assignments, subshells) is refused with its line and
 * column, so that no command of a script runs with a meaning bash would not give it.
 */
public final class ScriptParser {

  /** Scripts larger than this many bytes (UTF-8) are refused. */
  public static final int MAX_SCRIPT_BYTES = 1 << 20;

  /** Scripts with more lines than this are refused. */
  public static final int MAX_SCRIPT_LINES = 10_000;

  private ScriptParser() {}

  /** Parses a whole script; the first problem stops parsing (nothing is run). */
  public static List<ScriptLine> parseScript(String script) {
    if (script.length() > MAX_SCRIPT_BYTES
        || script.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_SCRIPT_BYTES) {
      throw new ScriptSyntaxException(
          0, 0, "script is larger than " + MAX_SCRIPT_BYTES + " bytes (1 MiB); split it up");
    }
    String[] lines = script.split("\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    if (count > MAX_SCRIPT_LINES) {
      throw new ScriptSyntaxException(
          0, 0, "script has " + count + " lines, more than the limit of " + MAX_SCRIPT_LINES);
    }
    List<ScriptLine> parsed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      LineScanner scanner = new LineScanner(stripCr(lines[i]), i + 1);
      Optional<ScriptLine> line = scanner.scan();
      if (line.isPresent() && scanner.hereDelimiter != null) {
        int end = bodyEnd(lines, i + 1, count, scanner);
        parsed.add(withBody(line.get(), scanner, lines, i + 1, end, count, i + 1));
        i = end;
      } else {
        line.ifPresent(parsed::add);
      }
    }
    return List.copyOf(parsed);
  }

  /**
   * Parses one command as typed in a console: one line, or one line with its here-document on the
   * lines after it. Empty for blank lines and comments.
   */
  public static Optional<ScriptLine> parseLine(String raw, int lineNumber) {
    String[] lines = raw.split("\n", -1);
    int count = lines.length;
    if (count > 1 && lines[count - 1].isEmpty()) {
      count--;
    }
    LineScanner scanner = new LineScanner(stripCr(lines[0]), lineNumber);
    Optional<ScriptLine> line = scanner.scan();
    if (scanner.hereDelimiter == null) {
      if (count > 1) {
        throw new ScriptSyntaxException(
            lineNumber + 1, 1, "one command at a time: run the next line on its own");
      }
      return line;
    }
    int end = bodyEnd(lines, 1, count, scanner);
    if (end + 1 < count) {
      throw new ScriptSyntaxException(
          lineNumber + end + 1,
          1,
          "one command at a time: the lines after the here-document's end must run on their own");
    }
    return Optional.of(withBody(line.orElseThrow(), scanner, lines, 1, end, count, lineNumber));
  }

  private static String stripCr(String raw) {
    return raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
  }

  /** The index of the line that ends the here-document (or {@code count} when none does). */
  private static int bodyEnd(String[] lines, int from, int count, LineScanner scanner) {
    for (int j = from; j < count; j++) {
      String candidate = stripCr(lines[j]);
      if (scanner.stripTabs) {
        candidate = candidate.replaceFirst("^\t+", "");
      }
      if (candidate.equals(scanner.hereDelimiter)) {
        return j;
      }
    }
    return count;
  }

  private static ScriptLine withBody(
      ScriptLine line,
      LineScanner scanner,
      String[] lines,
      int from,
      int end,
      int count,
      int firstNumber) {
    StringBuilder body = new StringBuilder();
    StringBuilder text = new StringBuilder(line.text());
    if (end >= count) {
      throw new ScriptSyntaxException(
          firstNumber,
          1,
          "the here-document has no end: no line reads \"" + scanner.hereDelimiter + "\"");
    }
    for (int j = from; j < end; j++) {
      String bodyLine = stripCr(lines[j]);
      if (scanner.stripTabs) {
        bodyLine = bodyLine.replaceFirst("^\t+", "");
      }
      if (!scanner.hereQuoted && (bodyLine.indexOf('$') >= 0 || bodyLine.indexOf('`') >= 0)) {
        throw new ScriptSyntaxException(
            firstNumber + j - from + 1,
            Math.max(bodyLine.indexOf('$'), bodyLine.indexOf('`')) + 1,
            "expansions in a here-document are not supported; quote its delimiter (<<'"
                + scanner.hereDelimiter
                + "') to pass the text as it is");
      }
      body.append(bodyLine).append('\n');
      text.append('\n').append(bodyLine);
    }
    text.append('\n').append(scanner.hereDelimiter);
    return line.withHereDocument(text.toString(), body.toString());
  }

  /** One pass over one line, collecting words. */
  private static final class LineScanner {

    private final String text;
    private final int lineNumber;
    private final List<String> words = new ArrayList<>();
    private StringBuilder word;
    private int quotedFrom;
    private int wordStart;
    private boolean background;
    private int pos;
    private String hereDelimiter;
    private boolean hereQuoted;
    private boolean stripTabs;
    private String inputFile;
    private String outputFile;
    private int outputStage;
    private boolean appendOutput;
    private final List<List<String>> stages = new ArrayList<>();

    LineScanner(String text, int lineNumber) {
      this.text = text;
      this.lineNumber = lineNumber;
    }

    Optional<ScriptLine> scan() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == ' ' || c == '\t') {
          endWord();
          pos++;
        } else if (c == '#' && word == null) {
          break;
        } else if (c == '\'') {
          singleQuoted();
        } else if (c == '"') {
          doubleQuoted();
        } else if (c == '\\') {
          escaped();
        } else if (c == '&') {
          ampersand();
        } else if (c == '<' || c == '>') {
          redirection(c);
        } else if (c == '|' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '|')) {
          pipe();
        } else if (isOperator(c)) {
          throw refuse(pos, operatorReason(c));
        } else {
          append(c);
          pos++;
        }
      }
      endWord();
      if (words.isEmpty()) {
        if (!stages.isEmpty()) {
          throw refuse(text.lastIndexOf('|'), "a pipe needs a command after it");
        }
        if (background) {
          throw refuse(text.indexOf('&'), "\"&\" needs a command before it");
        }
        return Optional.empty();
      }
      if (hereDelimiter != null && inputFile != null) {
        throw refuse(0, "a command can read only one of a here-document and a file");
      }
      if (outputFile != null && outputStage != stages.size()) {
        throw refuse(0, "only the last command of a pipeline may write to a file");
      }
      List<String> first = stages.isEmpty() ? words : stages.getFirst();
      List<List<String>> rest = new ArrayList<>();
      if (!stages.isEmpty()) {
        rest.addAll(stages.subList(1, stages.size()));
        rest.add(List.copyOf(words));
      }
      return Optional.of(
          new ScriptLine(
              lineNumber,
              text.strip(),
              first,
              background,
              null,
              inputFile,
              outputFile,
              appendOutput,
              rest));
    }

    /** {@code |}: the command so far writes to the next one's standard input. */
    private void pipe() {
      endWord();
      if (words.isEmpty()) {
        throw refuse(pos, "a pipe needs a command before it");
      }
      stages.add(List.copyOf(words));
      words.clear();
      pos++;
    }

    /** {@code <<WORD}, {@code <<-WORD}, {@code < FILE}, {@code > FILE}, {@code >> FILE}. */
    private void redirection(char c) {
      int at = pos;
      if (word != null && !word.isEmpty() && word.chars().allMatch(Character::isDigit)) {
        throw refuse(
            wordStart,
            "redirections of other file descriptors (\"" + word + c + "\") are not supported");
      }
      endWord();
      boolean twice = pos + 1 < text.length() && text.charAt(pos + 1) == c;
      pos += twice ? 2 : 1;
      if (c == '<' && twice) {
        if (pos < text.length() && text.charAt(pos) == '<') {
          throw refuse(at, "here-strings (\"<<<\") are not supported");
        }
        if (hereDelimiter != null) {
          throw refuse(at, "only one here-document per command is supported");
        }
        if (!stages.isEmpty()) {
          throw refuse(at, "only the first command of a pipeline may read a here-document");
        }
        if (pos < text.length() && text.charAt(pos) == '-') {
          stripTabs = true;
          pos++;
        }
        String delimiter = target(at, "<<");
        hereDelimiter = delimiter;
        return;
      }
      if (words.isEmpty()) {
        throw refuse(at, "a redirection needs a command before it");
      }
      String file = target(at, twice ? ">>" : String.valueOf(c));
      if (c == '<') {
        if (!stages.isEmpty()) {
          throw refuse(at, "only the first command of a pipeline may read a file");
        }
        inputFile = file;
      } else {
        outputFile = file;
        outputStage = stages.size();
        appendOutput = twice;
      }
    }

    /** The word after a redirection operator (a file name or a here-document's delimiter). */
    private String target(int at, String operator) {
      while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
        pos++;
      }
      int start = pos;
      if (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
        char quote = text.charAt(pos);
        int close = text.indexOf(quote, pos + 1);
        if (close < 0) {
          throw refuse(pos, "unterminated quote after \"" + operator + "\"");
        }
        pos = close + 1;
        if (operator.equals("<<")) {
          hereQuoted = true;
        }
        String word = text.substring(start + 1, close);
        if (word.isEmpty()) {
          throw refuse(at, "\"" + operator + "\" needs a word after it");
        }
        return word;
      }
      while (pos < text.length() && "| \t;&<>()$`'\"#".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      if (pos == start) {
        throw refuse(at, "\"" + operator + "\" needs a word after it");
      }
      return text.substring(start, pos);
    }

    private void singleQuoted() {
      int open = pos;
      int close = text.indexOf('\'', pos + 1);
      if (close < 0) {
        throw refuse(open, "unterminated single quote (a quoted string cannot span lines)");
      }
      startWord();
      markQuoted();
      word.append(text, open + 1, close);
      pos = close + 1;
    }

    private void doubleQuoted() {
      int open = pos;
      startWord();
      markQuoted();
      pos++;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return;
        }
        if (c == '\\' && pos + 1 < text.length() && "$`\"\\".indexOf(text.charAt(pos + 1)) >= 0) {
          word.append(text.charAt(pos + 1));
          pos += 2;
          continue;
        }
        if (c == '$' || c == '`') {
          throw refuse(pos, operatorReason(c));
        }
        word.append(c);
        pos++;
      }
      throw refuse(open, "unterminated double quote (a quoted string cannot span lines)");
    }

    private void escaped() {
      if (pos + 1 >= text.length()) {
        throw refuse(pos, "a backslash at the end of a line (line continuation) is not supported");
      }
      startWord();
      markQuoted();
      word.append(text.charAt(pos + 1));
      pos += 2;
    }

    private void ampersand() {
      if (pos + 1 < text.length() && text.charAt(pos + 1) == '&') {
        throw refuse(pos, "\"&&\" is not supported; write one command per line");
      }
      String rest = text.substring(pos + 1).strip();
      if (!rest.isEmpty() && !rest.startsWith("#")) {
        throw refuse(pos, "\"&\" is only supported at the end of a line (run in the background)");
      }
      endWord();
      background = true;
      pos = text.length();
    }

    private static boolean isOperator(char c) {
      return "|;()$`".indexOf(c) >= 0;
    }

    private String operatorReason(char c) {
      return switch (c) {
        case '|' -> "\"||\" is not supported; write one command per line";
        case ';' -> "command lists (\";\") are not supported; write one command per line";
        case '(', ')' -> "subshells and grouping (\"" + c + "\") are not supported";
        case '$' -> "variables and substitutions (\"$\") are not supported";
        default -> "command substitution (\"`\") is not supported";
      };
    }

    private void append(char c) {
      startWord();
      word.append(c);
    }

    /** Remembers where the first quoted part of the current word begins. */
    private void markQuoted() {
      if (quotedFrom < 0) {
        quotedFrom = word.length();
      }
    }

    private void startWord() {
      if (word == null) {
        word = new StringBuilder();
        quotedFrom = -1;
        wordStart = pos;
      }
    }

    private void endWord() {
      if (word == null) {
        return;
      }
      String finished = word.toString();
      int equals = finished.indexOf('=');
      boolean assignment =
          equals > 0
              && (quotedFrom < 0 || equals < quotedFrom)
              && finished.substring(0, equals).matches("[A-Za-z_][A-Za-z0-9_]*");
      if (words.isEmpty() && assignment) {
        throw refuse(wordStart, "variable assignments are not supported");
      }
      words.add(finished);
      word = null;
    }

    private ScriptSyntaxException refuse(int index, String reason) {
      return new ScriptSyntaxException(lineNumber, index + 1, reason);
    }
  }
}
