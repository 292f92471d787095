package io.packetwalk.shell.netfilter;

import io.packetwalk.kernel.netfilter.IpSet;
import io.packetwalk.kernel.netfilter.IpSets;
import io.packetwalk.kernel.netfilter.Match.PortRange;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ipset create|add|del|test|list|flush|destroy} for the set types the simulator models
 * (hash:ip, hash:ip,port, hash:net, bitmap:port), with ipset 7's messages. This machine has no
 * ipset tool to compare with; the behaviour follows ipset(8) (see docs/fidelity.md).
 */
public final class IpsetCommand implements Tool {

  @Override
  public int run(ToolContext context, List<String> argv) {
    List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
    boolean exist = args.remove("-exist") | args.remove("-!");
    if (args.isEmpty()) {
      throw error("No command specified: type 'ipset help' for help.");
    }
    IpSets sets = context.netns().netfilter().ipsets();
    String command = args.getFirst();
    List<String> rest = args.subList(1, args.size());
    switch (command) {
      case "create", "n", "-N" -> create(sets, rest, exist);
      case "add", "a", "-A" -> add(sets, rest, exist);
      case "del", "d", "-D" -> del(sets, rest, exist);
      case "test", "t", "-T" -> {
        IpSet set = set(sets, rest, 2);
        String member = member(set, rest.get(1));
        if (!set.members().contains(member)) {
          context.errln(rest.get(1) + " is NOT in set " + set.name() + ".");
          return 1;
        }
        context.errln(rest.get(1) + " is in set " + set.name() + ".");
      }
      case "list", "l", "-L" -> {
        List<IpSet> shown = rest.isEmpty() ? List.copyOf(sets.all()) : List.of(set(sets, rest, 1));
        for (int i = 0; i < shown.size(); i++) {
          if (i > 0) {
            context.println("");
          }
          list(context, shown.get(i));
        }
      }
      case "flush", "f", "-F" -> {
        if (rest.isEmpty()) {
          sets.all().forEach(IpSet::flush);
        } else {
          set(sets, rest, 1).flush();
        }
      }
      case "destroy", "x", "-X" -> {
        if (rest.isEmpty()) {
          List.copyOf(sets.all()).forEach(s -> sets.remove(s.name()));
        } else {
          sets.remove(set(sets, rest, 1).name());
        }
      }
      default -> throw error("Unknown argument: `" + command + "'");
    }
    return 0;
  }

  private static void create(IpSets sets, List<String> args, boolean exist) {
    if (args.size() < 2) {
      throw error("Missing mandatory argument: typename");
    }
    String name = args.get(0);
    IpSet.Type type =
        IpSet.Type.of(args.get(1))
            .orElseThrow(() -> error("Syntax error: typename '" + args.get(1) + "' is unknown"));
    int first = 0;
    int last = 0;
    for (int i = 2; i < args.size(); i++) {
      switch (args.get(i)) {
        case "range" -> {
          if (i + 1 >= args.size()) {
            throw error("Syntax error: missing range");
          }
          PortRange range = Words.portRange("ipset", args.get(++i).replace('-', ':'));
          first = range.first();
          last = range.last();
        }
        case "family", "hashsize", "maxelem", "timeout" -> i++;
        case "counters", "comment" -> {}
        default -> throw error("Syntax error: Unknown argument: `" + args.get(i) + "'");
      }
    }
    if (type == IpSet.Type.BITMAP_PORT && first == 0 && last == 0) {
      throw error("Syntax error: Missing mandatory argument: range");
    }
    if (sets.get(name).isPresent()) {
      if (exist) {
        return;
      }
      throw error("Set cannot be created: set with the same name already exists");
    }
    sets.add(new IpSet(name, type, first, last));
  }

  private static void add(IpSets sets, List<String> args, boolean exist) {
    IpSet set = set(sets, args, 2);
    String member = member(set, args.get(1));
    if (!set.add(member) && !exist) {
      throw error("Element cannot be added to the set: it's already added");
    }
  }

  private static void del(IpSets sets, List<String> args, boolean exist) {
    IpSet set = set(sets, args, 2);
    String member = member(set, args.get(1));
    if (!set.remove(member) && !exist) {
      throw error("Element cannot be deleted from the set: it's not added");
    }
  }

  private static IpSet set(IpSets sets, List<String> args, int needed) {
    if (args.size() < needed) {
      throw error("Missing mandatory argument: " + (args.isEmpty() ? "setname" : "entry"));
    }
    return sets.get(args.getFirst())
        .orElseThrow(() -> error("The set with the given name does not exist"));
  }

  /** The member in canonical form for its set's type. */
  private static String member(IpSet set, String text) {
    switch (set.type()) {
      case HASH_IP -> {
        return Ipv4Address.tryParse(text)
            .map(Ipv4Address::toString)
            .orElseThrow(() ->
                error("Syntax error: cannot parse " + text + ": resolving to IPv4 address failed"));
      }
      case HASH_NET -> {
        Optional<Ipv4Prefix> prefix = Ipv4Prefix.tryParse(text);
        if (prefix.isEmpty() || prefix.get().length() == 0) {
          throw error("Syntax error: cannot parse " + text + ": resolving to IPv4 address failed");
        }
        Ipv4Prefix net = prefix.get().network();
        return net.length() == 32 ? net.address().toString() : net.toString();
      }
      case HASH_IP_PORT -> {
        int comma = text.indexOf(',');
        if (comma < 0) {
          throw error("Syntax error: Missing second mandatory argument to command add");
        }
        String address = member(new IpSet("", IpSet.Type.HASH_IP, 0, 0), text.substring(0, comma));
        String port = text.substring(comma + 1);
        String protocol = "tcp";
        int colon = port.indexOf(':');
        if (colon >= 0) {
          protocol = port.substring(0, colon);
          port = port.substring(colon + 1);
        }
        String portText = port;
        int number =
            Words.port(portText)
                .orElseThrow(
                    () -> error("Syntax error: cannot parse '" + portText + "' as a port"));
        return address + "," + protocol + ":" + number;
      }
      case BITMAP_PORT -> {
        int number =
            Words.port(text)
                .orElseThrow(() -> error("Syntax error: cannot parse '" + text + "' as a port"));
        if (number < set.firstPort() || number > set.lastPort()) {
          throw error("Element is out of the range of the set");
        }
        return Integer.toString(number);
      }
    }
    throw error("Syntax error: unknown set type");
  }

  private static void list(ToolContext context, IpSet set) {
    context.println("Name: " + set.name());
    context.println("Type: " + set.type().text());
    context.println("Revision: " + (set.type() == IpSet.Type.BITMAP_PORT ? 3 : 6));
    context.println(
        set.type() == IpSet.Type.BITMAP_PORT
            ? "Header: range " + set.firstPort() + "-" + set.lastPort()
            : "Header: family inet hashsize 1024 maxelem 65536");
    context.println("References: 0");
    context.println("Number of entries: " + set.members().size());
    context.println("Members:");
    for (String member : set.members()) {
      context.println(member);
    }
  }

  private static ToolFailure error(String message) {
    return new ToolFailure(1, "ipset v7.17: " + message);
  }
}
