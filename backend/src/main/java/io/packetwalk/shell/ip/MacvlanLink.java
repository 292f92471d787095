package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.MacvlanMode;
import io.packetwalk.kernel.MacvlanSettings;
import io.packetwalk.kernel.MacvlanState;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Optional;

/**
 * {@code link LOWER type macvlan [mode private|vepa|bridge|passthru] [nopromisc] [bcqueuelen N]},
 * printed as NAME@LOWER with {@code macvlan mode M bcqueuelen N usedbcqueuelen N} under {@code -d}
 * (iproute2 6.1's iplink_macvlan.c). The default mode is the kernel's: vepa.
 */
final class MacvlanLink implements LinkType {

  /** iproute2 6.1's explain() for macvlan. */
  static final String USAGE =
      "Usage: ... macvlan mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n"
          + "\n"
          + "MODE: private | vepa | bridge | passthru | source\n"
          + "MODE_FLAG: null | nopromisc | nodst\n"
          + "MODE_OPTS: for mode \"source\":\n"
          + "\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\n"
          + "BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]";

  @Override
  public String name() {
    return "macvlan";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 68, 65535, 1, "macvlan", 524280);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    Options options = Options.parse(request.typeArgs);
    LinkCreation.checkUnsimulated(request);
    if (request.link == null) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EINVAL));
    }
    NetDevice lower = creation.context().device(request.link).orElseThrow();
    NetNamespace home = creation.targetNetns(request);
    String name = LinkCreation.newName(request, home, "macvlan%d");
    Optional<MacAddress> mac = LinkCreation.createMac(request);
    LinkCreation.checkCreateMtu(request.mtu);
    MacvlanSettings settings =
        new MacvlanSettings(
            options.mode() == null ? MacvlanMode.VEPA : options.mode(),
            options.noPromisc(),
            options.broadcastQueueLength() == null
                ? MacvlanSettings.DEFAULT_BROADCAST_QUEUE_LENGTH
                : options.broadcastQueueLength());
    NetDevice macvlan =
        LinkCreation.kernel(
            () -> home.addMacvlan(name, lower, settings, mac.orElse(null), request.mtu));
    creation.configureNew(macvlan, request, Optional.empty());
    return 0;
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    Options options = Options.parse(typeArgs);
    if (!(dev.kind() instanceof DeviceKind.Macvlan)) {
      return () -> {
        throw new KernelException(Errno.EOPNOTSUPP);
      };
    }
    if (options.broadcastQueueLength() != null) {
      throw IpLink.unsimulated("changing \"bcqueuelen\"");
    }
    return () -> {
      if (options.mode() != null) {
        dev.netns().setMacvlanMode(dev, options.mode());
      }
    };
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    if (dev.kind() instanceof DeviceKind.Macvlan(MacvlanState state)) {
      p.string(IpPrinter.Mode.ANY, "mode", "mode %s ", state.mode().word());
      if (state.settings().noPromisc()) {
        p.onOffFlag("nopromisc");
      }
      p.number(
          IpPrinter.Mode.ANY,
          "bcqueuelen",
          "bcqueuelen %d ",
          state.settings().broadcastQueueLength());
      p.number(
          IpPrinter.Mode.ANY,
          "usedbcqueuelen",
          "usedbcqueuelen %d ",
          state.usedBroadcastQueueLength());
    }
  }

  /** What macvlan_parse_opt() read; null where a value was not given. */
  private record Options(MacvlanMode mode, boolean noPromisc, Long broadcastQueueLength) {

    static Options parse(List<String> words) {
      MacvlanMode mode = null;
      boolean noPromisc = false;
      boolean hasFlags = false;
      Long queue = null;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        if (IprouteArgs.matches(word, "mode")) {
          String value = args.nextValue();
          if (value.equals("source")) {
            throw IpLink.unsimulated("macvlan mode \"source\"");
          }
          mode = MacvlanMode.fromWord(value).orElseThrow(() -> badMode(value));
        } else if (IprouteArgs.matches(word, "flag")) {
          String value = args.nextValue();
          switch (value) {
            case "nopromisc" -> noPromisc = true;
            case "null" -> {}
            case "nodst" -> throw IpLink.unsimulated("macvlan flag \"nodst\"");
            default ->
                throw new ToolFailure(
                    1,
                    "Error: argument of \"flag\" must be \"nopromisc\", \"nodst\" or \"null\","
                        + " not \""
                        + value
                        + "\"");
          }
          hasFlags = true;
        } else if (IprouteArgs.matches(word, "nopromisc")) {
          noPromisc = true;
          hasFlags = true;
        } else if (IprouteArgs.matches(word, "nodst")) {
          throw IpLink.unsimulated("macvlan flag \"nodst\"");
        } else if (IprouteArgs.matches(word, "macaddr")) {
          throw IpLink.unsimulated("macvlan \"macaddr\"");
        } else if (IprouteArgs.matches(word, "bcqueuelen")) {
          String value = args.nextValue();
          queue = unsigned32(value).orElseThrow(() -> badQueueLength(value));
        } else if (IprouteArgs.matches(word, "help")) {
          throw new ToolFailure(1, USAGE);
        } else {
          throw new ToolFailure(1, "macvlan: unknown option \"" + word + "\"?\n" + USAGE);
        }
        args.skip();
      }
      if (hasFlags && noPromisc && mode != MacvlanMode.PASSTHRU) {
        throw new ToolFailure(1, "macvlan: nopromisc flag only valid in passthru mode\n" + USAGE);
      }
      return new Options(mode, noPromisc, queue);
    }

    private static ToolFailure badMode(String value) {
      return new ToolFailure(
          1,
          "Error: argument of \"mode\" must be \"private\", \"vepa\", \"bridge\", \"passthru\""
              + " or \"source\", not \""
              + value
              + "\"");
    }

    private static ToolFailure badQueueLength(String value) {
      return new ToolFailure(
          1,
          "Error: argument of \"bcqueuelen\" must be a positive integer [0-4294967295], not \""
              + value
              + "\"");
    }

    /** get_u32(): a whole number in C syntax from 0 to 4294967295. */
    private static Optional<Long> unsigned32(String text) {
      InetArgs.Strtoul n = InetArgs.Strtoul.parse(text, 0);
      if (text.isEmpty() || text.startsWith("-") || n.end() != text.length()) {
        return Optional.empty();
      }
      return n.value() > 0xffff_ffffL ? Optional.empty() : Optional.of(n.value());
    }
  }
}
