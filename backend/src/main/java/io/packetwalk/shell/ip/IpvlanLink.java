package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.IpvlanIsolation;
import io.packetwalk.kernel.IpvlanMode;
import io.packetwalk.kernel.IpvlanState;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Optional;

/**
 * {@code link LOWER type ipvlan [mode l2|l3|l3s] [bridge|private|vepa]}, printed as NAME@LOWER with
 * {@code ipvlan mode M FLAG} under {@code -d} (iproute2 6.1's iplink_ipvlan.c; the kernel's checks
 * are ipvlan_link_new()'s — no ipvlan module on the oracle machine, see docs/fidelity.md).
 */
final class IpvlanLink implements LinkType {

  /** iproute2 6.1's print_explain() for ipvlan. */
  static final String USAGE =
      "Usage: ... ipvlan [ mode MODE ] [ FLAGS ]\n"
          + "\n"
          + "MODE: l3 | l3s | l2\n"
          + "FLAGS: bridge | private | vepa\n"
          + "(first values are the defaults if nothing is specified).";

  @Override
  public String name() {
    return "ipvlan";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 68, 65535, 1, "ipvlan", 524280);
  }

  @Override
  public List<String> flagWords(NetDevice dev) {
    return dev.isNoArp()
        ? List.of("BROADCAST", "MULTICAST", "NOARP")
        : List.of("BROADCAST", "MULTICAST");
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    Options options = Options.parse(request.typeArgs);
    LinkCreation.checkUnsimulated(request);
    if (request.address != null) {
      throw IpLink.unsimulated("an ipvlan's own \"address\"");
    }
    if (request.link == null) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EINVAL));
    }
    NetDevice lower = creation.context().device(request.link).orElseThrow();
    NetNamespace home = creation.targetNetns(request);
    String name = LinkCreation.newName(request, home, "ipvlan%d");
    LinkCreation.checkCreateMtu(request.mtu);
    NetDevice ipvlan =
        LinkCreation.kernel(
            () -> home.addIpvlan(name, lower, options.mode(), options.isolation(), request.mtu));
    creation.configureNew(ipvlan, request, Optional.empty());
    return 0;
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    Options options = Options.parse(typeArgs);
    if (!(dev.kind() instanceof DeviceKind.Ipvlan)) {
      return () -> {
        throw new KernelException(Errno.EOPNOTSUPP);
      };
    }
    return () -> dev.netns().setIpvlanPort(dev, options.mode(), options.isolation());
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    if (dev.kind() instanceof DeviceKind.Ipvlan(IpvlanState state)) {
      p.string(IpPrinter.Mode.ANY, "mode", " mode %s ", state.port().mode().word());
      p.onOffFlag(state.port().isolation().word());
    }
  }

  /**
   * What ipvlan_parse_opt() read: the mode (null when not given) and the flag (bridge unless given;
   * iproute2 always sends one).
   */
  private record Options(IpvlanMode mode, IpvlanIsolation isolation) {

    static Options parse(List<String> words) {
      IpvlanMode mode = null;
      IpvlanIsolation isolation = IpvlanIsolation.BRIDGE;
      boolean flagGiven = false;
      IprouteArgs args = new IprouteArgs(words);
      while (args.hasNext()) {
        String word = args.peek();
        if (IprouteArgs.matches(word, "mode")) {
          mode =
              IpvlanMode.fromWord(args.nextValue())
                  .orElseThrow(() ->
                      new ToolFailure(
                          1,
                          "Error: argument of \"mode\" must be either \"l2\", \"l3\" or"
                              + " \"l3s\""));
        } else if (IprouteArgs.matches(word, "private") && !flagGiven) {
          isolation = IpvlanIsolation.PRIVATE;
          flagGiven = true;
        } else if (IprouteArgs.matches(word, "vepa") && !flagGiven) {
          isolation = IpvlanIsolation.VEPA;
          flagGiven = true;
        } else if (IprouteArgs.matches(word, "bridge") && !flagGiven) {
          flagGiven = true;
        } else if (IprouteArgs.matches(word, "help")) {
          throw new ToolFailure(1, USAGE);
        } else {
          throw new ToolFailure(1, "ipvlan: unknown option \"" + word + "\"?\n" + USAGE);
        }
        args.skip();
      }
      return new Options(mode, isolation);
    }
  }
}
