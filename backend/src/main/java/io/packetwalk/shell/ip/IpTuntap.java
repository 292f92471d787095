package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.IfName;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.kernel.TunState;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;

/**
 * {@code ip tuntap { add | del | show | list | lst | help } [dev NAME] [mode {tun|tap}] [user U]
 * [group G] [one_queue] [pi] [vnet_hdr] [multi_queue] [name NAME]} as iproute2 6.1 runs it: add
 * opens /dev/net/tun with TUNSETIFF (exclusive, so an existing name is EBUSY), sets the owner and
 * group, makes the device persistent and closes it; del attaches, clears persist and closes; show
 * lists every TUN/TAP device with its flags.
 */
final class IpTuntap {

  static final String USAGE =
      "Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]\n"
          + "       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]\n"
          + "       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]\n"
          + "\n"
          + "Where: USER  := { STRING | NUMBER }\n"
          + "       GROUP := { STRING | NUMBER }\n";

  private final IpContext ctx;

  IpTuntap(IpContext ctx) {
    this.ctx = ctx;
  }

  int run(IprouteArgs args) {
    if (!args.hasNext()) {
      return show();
    }
    String verb = args.take();
    if (IprouteArgs.matches(verb, "add")) {
      return add(Request.parse(args));
    }
    if (IprouteArgs.matches(verb, "delete")) {
      return delete(Request.parse(args));
    }
    if (IprouteArgs.matches(verb, "show")
        || IprouteArgs.matches(verb, "lst")
        || IprouteArgs.matches(verb, "list")) {
      return show();
    }
    if (IprouteArgs.matches(verb, "help")) {
      throw IpUsage.of(USAGE);
    }
    throw new ToolFailure(255, "Command \"" + verb + "\" is unknown, try \"ip tuntap help\".");
  }

  /** What the words asked for (parse_args()). */
  private static final class Request {
    String name = "";
    TunConfig.Mode mode;
    int owner = -1;
    int group = -1;
    boolean packetInfo;
    boolean vnetHeader;
    boolean multiQueue;
    boolean oneQueue;

    static Request parse(IprouteArgs args) {
      Request r = new Request();
      while (args.hasNext()) {
        String word = args.take();
        switch (word) {
          case "mode" -> r.mode(next(args));
          case "user" -> r.owner = owner(next(args), true);
          case "group" -> r.group = owner(next(args), false);
          case "dev", "name" -> r.name = ifname(next(args), word);
          case "pi" -> r.packetInfo = true;
          case "vnet_hdr" -> r.vnetHeader = true;
          case "multi_queue" -> r.multiQueue = true;
          case "one_queue" -> r.oneQueue = true;
          default -> {
            if (!r.name.isEmpty()) {
              throw IprouteArgs.duparg2("name", word);
            }
            r.name = ifname(word, "dev");
          }
        }
      }
      return r;
    }

    private void mode(String word) {
      if (mode != null) {
        throw new ToolFailure(255, "You managed to ask for more than one tunnel mode.");
      }
      mode =
          switch (word) {
            case "tun" -> TunConfig.Mode.TUN;
            case "tap" -> TunConfig.Mode.TAP;
            default -> throw new ToolFailure(255, "Unknown tunnel mode \"" + word + "\"");
          };
    }

    private static String next(IprouteArgs args) {
      if (!args.hasNext()) {
        throw IprouteArgs.incompleteCommand();
      }
      return args.take();
    }

    private static int owner(String word, boolean user) {
      Integer id = user ? TunOwners.user(word) : TunOwners.group(word);
      if (id == null) {
        throw new ToolFailure(255, "invalid " + (user ? "user" : "group") + " \"" + word + "\"");
      }
      return id;
    }

    private static String ifname(String word, String key) {
      if (!IfName.validForIproute(word, IfName.IFNAMSIZ)) {
        throw IprouteArgs.invarg("\"" + key + "\" not a valid ifname", word);
      }
      return word;
    }

    TunConfig.Mode requireMode() {
      if (mode == null) {
        throw new ToolFailure(1, "You failed to specify a tunnel mode");
      }
      return mode;
    }

    /** The name TUNSETIFF gets: the one asked for, or the kernel's template. */
    String nameOrTemplate() {
      return name.isEmpty() ? mode.word() + "%d" : name;
    }
  }

  private int add(Request r) {
    TunConfig.Mode mode = r.requireMode();
    NetNamespace ns = ctx.netns();
    if (ns.device(r.nameOrTemplate()).isPresent()) {
      throw ioctl(new KernelException(io.packetwalk.kernel.Errno.EBUSY));
    }
    TunConfig config =
        new TunConfig(
            mode, r.owner, r.group, r.packetInfo, r.vnetHeader, r.multiQueue, r.oneQueue, true);
    try {
      ns.addTun(r.nameOrTemplate(), config);
    } catch (KernelException e) {
      throw ioctl(e);
    }
    return 0;
  }

  private int delete(Request r) {
    TunConfig.Mode mode = r.requireMode();
    try {
      ctx.netns().deleteTun(r.nameOrTemplate(), mode);
    } catch (KernelException e) {
      throw ioctl(e);
    }
    return 0;
  }

  private static ToolFailure ioctl(KernelException e) {
    return new ToolFailure(1, "ioctl(TUNSETIFF): " + e.errno().message());
  }

  /** do_show(): every TUN/TAP device of the namespace, in ifindex order. */
  private int show() {
    IpPrinter p = ctx.printer();
    for (NetDevice dev : ctx.netns().devices()) {
      if (dev.kind() instanceof DeviceKind.Tun(TunState state)) {
        line(p, dev, state.config());
      }
    }
    ctx.print(p.finish());
    return 0;
  }

  private static void line(IpPrinter p, NetDevice dev, TunConfig c) {
    p.openObject(null);
    p.string(Mode.ANY, "ifname", "%s:", dev.name());
    p.openJsonArray("flags");
    flag(p, c.mode().word());
    if (c.packetInfo()) {
      flag(p, "pi");
    }
    if (c.oneQueue()) {
      flag(p, "one_queue");
    }
    if (c.multiQueue()) {
      flag(p, "multi_queue");
    }
    if (c.vnetHeader()) {
      flag(p, "vnet_hdr");
    }
    if (c.persist()) {
      flag(p, "persist");
    }
    if (c.packetInfo()) {
      flag(p, "filter");
    }
    p.closeJsonArray();
    if (c.owner() >= 0) {
      p.number(Mode.ANY, "user", " user %d", c.owner());
    }
    if (c.group() >= 0) {
      p.number(Mode.ANY, "group", " group %d", c.group());
    }
    p.text("\n");
    p.closeObject();
  }

  private static void flag(IpPrinter p, String word) {
    p.string(Mode.ANY, null, " %s", word);
  }
}
