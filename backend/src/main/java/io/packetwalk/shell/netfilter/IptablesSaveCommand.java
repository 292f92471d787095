package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.SaveText;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.shell.GetOpt;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code iptables-save [-c] [-t TABLE]}: the namespace's tables in restore form, as iptables-nft
 * 1.8.9 prints them (tables that exist, in its order).
 */
public final class IptablesSaveCommand implements Tool {

  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  @Override
  public int run(ToolContext context, List<String> argv) {
    List<String> args =
        argv.subList(1, argv.size()).stream()
            .map(a ->
                switch (a) {
                  case "--counters" -> "-c";
                  case "--table" -> "-t";
                  default -> a;
                })
            .toList();
    GetOpt options;
    try {
      options = new GetOpt(args, "ct:M:f:");
    } catch (GetOpt.Problem problem) {
      throw new ToolFailure(
          1, "iptables-save " + IptablesError.VERSION + ": " + problem.getMessage());
    }
    boolean counters = false;
    TableKind only = null;
    for (GetOpt.Option option : options.options()) {
      switch (option.letter()) {
        case 'c' -> counters = true;
        case 't' -> {
          Optional<TableKind> kind = TableKind.byId(option.value());
          if (kind.isEmpty()) {
            throw new ToolFailure(
                1,
                "iptables-save "
                    + IptablesError.VERSION
                    + ": Cannot initialize: Table does not exist (do you need to insmod?)");
          }
          only = kind.get();
        }
        default -> {}
      }
    }
    NetfilterState state = context.netns().netfilter();
    String date = ZonedDateTime.now(ZoneOffset.UTC).format(CTIME);
    StringBuilder out = new StringBuilder();
    for (TableKind kind : RuleListing.saveOrder()) {
      if (only == null || only == kind) {
        boolean withCounters = counters;
        state.existing(kind).ifPresent(t -> SaveText.table(out, t, withCounters, date));
      }
    }
    context.print(out.toString());
    return 0;
  }
}
