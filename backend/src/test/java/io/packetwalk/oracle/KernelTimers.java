package io.packetwalk.oracle;

import java.util.regex.Pattern;

/**
 * Running kernel timers: {@code ip -d link}'s bridge/port {@code *_timer} values, brctl showmacs'
 * ageing timer column, the remaining lifetime of a cached route ({@code expires 599sec}), and the
 * seconds since an FDB entry was used and updated ({@code bridge -s fdb}: {@code used 3/3}), which
 * count wall-clock time on the kernel's side.
 */
final class KernelTimers implements Normalisation {

  private static final Pattern TIMER = Pattern.compile("\\b(\\w+_timer)\\s+[0-9]+\\.[0-9]+");
  private static final Pattern AGEING =
      Pattern.compile("(?m)^(\\s*[0-9]+\\t\\S+\\t(?:yes|no)\\t\\t)\\s*[0-9]+\\.[0-9]+$");
  private static final Pattern EXPIRES = Pattern.compile("\\bexpires [0-9]+sec\\b");
  private static final Pattern JSON_EXPIRES = Pattern.compile("\"expires\":[0-9]+");
  private static final Pattern FDB_USED = Pattern.compile("\\bused [0-9]+/[0-9]+ ");

  @Override
  public String apply(CommandLine command, String text) {
    String t = TIMER.matcher(text).replaceAll("$1 <t>");
    t = AGEING.matcher(t).replaceAll("$1<t>");
    t = EXPIRES.matcher(t).replaceAll("expires <t>sec");
    t = FDB_USED.matcher(t).replaceAll("used <t>/<t> ");
    return JSON_EXPIRES.matcher(t).replaceAll("\"expires\":0");
  }
}
