package io.packetwalk.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code grep [-vicqnwEF] [-e] PATTERN [FILE…]} (GNU grep 3.8) over standard input or the session's
 * files: lines that match (or, with {@code -v}, do not), exit 0 when some line was selected, 1 when
 * none, 2 on an error. Basic regular expressions by default, extended with {@code -E}, fixed
 * strings with {@code -F}.
 */
final class GrepCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    GetOpt options;
    try {
      options = new GetOpt(argv.subList(1, argv.size()), "vicqnwEFe:");
    } catch (GetOpt.Problem problem) {
      context.errln("grep: " + problem.getMessage());
      context.errln("Usage: grep [OPTION]... PATTERNS [FILE]...");
      context.errln("Try 'grep --help' for more information.");
      return 2;
    }
    boolean invert = false;
    boolean ignoreCase = false;
    boolean count = false;
    boolean quiet = false;
    boolean numbers = false;
    boolean words = false;
    boolean extended = false;
    boolean fixed = false;
    String pattern = null;
    for (GetOpt.Option option : options.options()) {
      switch (option.letter()) {
        case 'v' -> invert = true;
        case 'i' -> ignoreCase = true;
        case 'c' -> count = true;
        case 'q' -> quiet = true;
        case 'n' -> numbers = true;
        case 'w' -> words = true;
        case 'E' -> extended = true;
        case 'F' -> fixed = true;
        case 'e' -> pattern = option.value();
        default -> {}
      }
    }
    List<String> operands = new ArrayList<>(options.operands());
    if (pattern == null) {
      if (operands.isEmpty()) {
        context.errln("Usage: grep [OPTION]... PATTERNS [FILE]...");
        context.errln("Try 'grep --help' for more information.");
        return 2;
      }
      pattern = operands.removeFirst();
    }
    Pattern regex;
    try {
      String source = fixed ? Pattern.quote(pattern) : extended ? pattern : basic(pattern);
      if (words) {
        source = "(?<![\\w])(?:" + source + ")(?![\\w])";
      }
      regex = Pattern.compile(source, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      context.errln("grep: Invalid regular expression");
      return 2;
    }
    List<String> texts = new ArrayList<>();
    int status = 0;
    if (operands.isEmpty()) {
      texts.add(context.stdin());
    } else {
      for (String name : operands) {
        var text = context.files().read(name);
        if (text.isEmpty()) {
          context.errln("grep: " + name + ": No such file or directory");
          status = 2;
        } else {
          texts.add(text.get());
        }
      }
    }
    int selected = 0;
    for (String text : texts) {
      int number = 0;
      for (String line : text.lines().toList()) {
        number++;
        if (regex.matcher(line).find() != invert) {
          selected++;
          if (!quiet && !count) {
            context.println(numbers ? number + ":" + line : line);
          }
        }
      }
    }
    if (count && !quiet) {
      context.println(Integer.toString(selected));
    }
    if (status == 2 && !(quiet && selected > 0)) {
      return 2;
    }
    return selected > 0 ? 0 : 1;
  }

  /**
   * A POSIX basic regular expression as a Java one: {@code + ? ( ) { } |} are literal unless
   * escaped, where they take their extended meaning.
   */
  static String basic(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        char next = pattern.charAt(++i);
        if ("+?(){}|".indexOf(next) >= 0) {
          out.append(next);
        } else {
          out.append('\\').append(next);
        }
      } else if ("+?(){}|".indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
