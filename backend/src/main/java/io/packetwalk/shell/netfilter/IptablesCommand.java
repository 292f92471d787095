package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.Chain;
import io.packetwalk.kernel.netfilter.NetfilterState;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.netfilter.IptablesRequest.Command;
import java.util.List;
import java.util.Optional;

/**
 * {@code iptables}: iptables-nft 1.8.9 on the namespace it runs in — list, change, check, with the
 * tool's own output and errors.
 */
public final class IptablesCommand implements Tool {

  static final String PROGRAM = "iptables";

  @Override
  public int run(ToolContext context, List<String> argv) {
    List<String> args = argv.subList(1, argv.size());
    if (args.contains("-h") || args.contains("--help")) {
      context.println(IptablesHelp.TEXT);
      return 0;
    }
    NetfilterState state = context.netns().netfilter();
    IptablesRequest request = new RuleParser(PROGRAM, state::existing, state.ipsets()).parse(args);
    TableKind kind = request.table();
    switch (request.command()) {
      case VERSION -> context.println(PROGRAM + " " + IptablesError.VERSION);
      case LIST -> context.print(list(state, request));
      case LIST_RULES -> context.print(listRules(state, request));
      default -> change(state, request, kind);
    }
    return 0;
  }

  /** A change: on a table that does not exist yet, it exists only if the change succeeds. */
  private static void change(NetfilterState state, IptablesRequest request, TableKind kind) {
    Optional<Table> existing = state.existing(kind);
    Table table = existing.orElseGet(() -> new Table(kind));
    new Iptables(PROGRAM, state, true).apply(request, table);
    if (existing.isEmpty() && creates(request.command())) {
      state.replace(kind, table);
    }
  }

  private static boolean creates(Command command) {
    return switch (command) {
      case APPEND, INSERT, REPLACE, NEW_CHAIN, POLICY -> true;
      default -> false;
    };
  }

  private static String list(NetfilterState state, IptablesRequest request) {
    Table table = state.existing(request.table()).orElseGet(() -> new Table(request.table()));
    List<Chain> chains;
    if (request.chain() == null) {
      chains = table.chains();
    } else {
      Chain chain =
          table
              .chain(request.chain())
              .orElseThrow(() ->
                  new ToolFailure(
                      1,
                      PROGRAM
                          + " "
                          + IptablesError.VERSION
                          + ": chain `"
                          + request.chain()
                          + "' in table `"
                          + request.table().id()
                          + "' is incompatible, use 'nft' tool."));
      chains = List.of(chain);
    }
    return RuleListing.list(table, chains, request.format());
  }

  private static String listRules(NetfilterState state, IptablesRequest request) {
    Table table = state.existing(request.table()).orElseGet(() -> new Table(request.table()));
    if (request.chain() == null) {
      return RuleListing.rules(table.chains(), request.format().verbose());
    }
    Chain chain =
        table
            .chain(request.chain())
            .orElseThrow(
                () -> IptablesError.refused(PROGRAM, "No chain/target/match by that name."));
    return RuleListing.rules(List.of(chain), request.format().verbose());
  }
}
