package io.packetwalk.shell;

import java.util.List;

/**
 * {@code cat [FILE…]}: prints the session's files, or its standard input ({@code cat > f <<'EOF'}
 * writes a file that way).
 */
final class CatCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    if (argv.size() == 1 || (argv.size() == 2 && argv.get(1).equals("-"))) {
      context.print(context.stdin());
      return 0;
    }
    int status = 0;
    for (String name : argv.subList(1, argv.size())) {
      if (name.startsWith("-") && !name.equals("-")) {
        context.errln("cat: invalid option -- '" + name.substring(1, 2) + "'");
        context.errln("Try 'cat --help' for more information.");
        return 1;
      }
      var text =
          name.equals("-") ? java.util.Optional.of(context.stdin()) : context.files().read(name);
      if (text.isEmpty()) {
        context.errln("cat: " + name + ": No such file or directory");
        status = 1;
      } else {
        context.print(text.get());
      }
    }
    return status;
  }
}
