package io.packetwalk.shell.tools;

import io.packetwalk.agent.FlannelConfig;
import io.packetwalk.agent.FlannelPeer;
import io.packetwalk.agent.FlanneldUdp;
import io.packetwalk.engine.ProcessRun;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.Tool;
import io.packetwalk.shell.ToolContext;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Packetwalk's simulated {@code flanneld}, UDP backend only: real flanneld's flags for the backend,
 * the interface and the network, plus this node's lease and the other nodes' leases given as {@code
 * --subnet} and {@code --peer} (real flanneld gets both from etcd or the Kubernetes API). It runs
 * in the background in the namespace it was started in, as a process that owns flannel0 and UDP
 * port 8285.
 */
public final class FlanneldCommand implements Tool {

  static final String HELP =
      """
      Usage: flanneld --network=CIDR --subnet=CIDR [--peer=SUBNET=IP ...] [OPTIONS] [&]

      Packetwalk's simulated flanneld. It runs flannel's UDP backend only, and reads no etcd
      and no Kubernetes API: the cluster network, this node's lease and the other nodes'
      leases are given on the command line instead.

        --backend=udp          the backend (only udp is simulated; default udp)
        --iface=NAME           the external interface (default: the one of the default route)
        --network=CIDR         the whole flannel network, e.g. 10.244.0.0/16 (required)
        --subnet=CIDR          this node's lease inside it, e.g. 10.244.1.0/24 (required)
        --peer=SUBNET=IP       another node's lease and public address (repeat for each node)
        --port=N               the UDP port of every node's flanneld (default 8285)
        -h, --help             this text

      It opens the TUN device flannel0 (creating it when missing), gives it the address
      SUBNET.0 with the network's prefix (so the kernel routes the whole network into it),
      sets its MTU 28 bytes below the interface's and brings it up, then listens on UDP PORT.
      Every IP packet routed into flannel0 goes whole, as UDP data, to the flanneld of the
      peer whose subnet holds the destination; what arrives on PORT is written into flannel0.
      It always keeps running in the background, like a daemon: without "&" the prompt
      comes back at once and shows its pid or the reason it could not start; with "&" the
      shell prints nothing, as for any background job. kill PID stops it.
      """;

  @Override
  public int run(ToolContext context, List<String> argv) {
    Options o = Options.parse(argv.subList(1, argv.size()));
    if (o.help) {
      context.print(HELP);
      return 0;
    }
    FlannelConfig config = o.config(context);
    ProcessRun run;
    try {
      run = context.traffic().simulator().spawn(context.netns(), new FlanneldUdp(config));
    } catch (KernelException e) {
      throw new ToolFailure(1, "flanneld: " + startFailure(config, e));
    }
    context.println(
        "flanneld (pid "
            + run.pid()
            + "): flannel0 has "
            + config.tunAddress()
            + "/"
            + config.network().length()
            + ", listening on UDP "
            + config.port()
            + "; "
            + config.peers().size()
            + (config.peers().size() == 1 ? " peer subnet" : " peer subnets")
            + ".");
    return 0;
  }

  private static String startFailure(FlannelConfig config, KernelException e) {
    if (e.extack() != null) {
      // configureIface(): the kernel refused the address or the MTU, and said why
      return "failed to configure flannel0: " + e.extack();
    }
    return switch (e.errno()) {
      case EADDRINUSE ->
          "failed to start listening on UDP socket: listen udp4 :"
              + config.port()
              + ": bind: address already in use";
      case EBUSY, EINVAL ->
          "failed to open TUN device: flannel0: " + e.errno().message().toLowerCase();
      default -> "failed to configure flannel0: " + e.errno().message().toLowerCase();
    };
  }

  /** The flags as Go's flag package takes them: -name or --name, =value or the next word. */
  private static final class Options {
    boolean help;
    String backend = "udp";
    String iface;
    String network;
    String subnet;
    String port;
    final List<String> peers = new ArrayList<>();

    static Options parse(List<String> args) {
      Options o = new Options();
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
          throw new ToolFailure(2, "flanneld: unexpected argument \"" + arg + "\"\n" + HELP);
        }
        String flag = arg.replaceFirst("^--?", "");
        String value = null;
        int eq = flag.indexOf('=');
        if (eq >= 0) {
          value = flag.substring(eq + 1);
          flag = flag.substring(0, eq);
        }
        if (flag.equals("h") || flag.equals("help")) {
          o.help = true;
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new ToolFailure(2, "flanneld: flag needs an argument: -" + flag);
          }
          value = args.get(++i);
        }
        switch (flag) {
          case "backend" -> o.backend = value;
          case "iface" -> o.iface = value;
          case "network" -> o.network = value;
          case "subnet" -> o.subnet = value;
          case "peer" -> o.peers.add(value);
          case "port" -> o.port = value;
          default ->
              throw new ToolFailure(
                  2, "flanneld: flag provided but not defined: -" + flag + "\n" + HELP);
        }
      }
      return o;
    }

    FlannelConfig config(ToolContext context) {
      if (!backend.equals("udp")) {
        throw new ToolFailure(
            1,
            "flanneld: backend \""
                + backend
                + "\" is not simulated: Packetwalk's flanneld runs the udp backend (build"
                + " flannel.1 for vxlan, or routes for host-gw, with ip commands)");
      }
      Ipv4Prefix net = prefix("--network", network);
      Ipv4Prefix lease = prefix("--subnet", subnet);
      if (lease.length() < net.length() || !net.contains(lease.address())) {
        throw new ToolFailure(
            1, "flanneld: --subnet " + lease + " does not lie inside --network " + net);
      }
      List<FlannelPeer> leases = new ArrayList<>();
      for (String peer : peers) {
        leases.add(peer(peer, net, lease));
      }
      int udpPort = port == null ? FlannelConfig.DEFAULT_PORT : port(port);
      String ifaceName = iface == null ? defaultIface(context) : iface;
      Optional<NetDevice> ext = context.netns().device(ifaceName);
      if (ext.isEmpty()) {
        throw new ToolFailure(
            1,
            "flanneld: error looking up interface "
                + ifaceName
                + ": route ip+net: no such network interface");
      }
      if (ext.get().primaryAddresses().isEmpty()) {
        throw new ToolFailure(
            1, "flanneld: failed to find IPv4 address for interface " + ifaceName);
      }
      return new FlannelConfig(net, lease, ifaceName, udpPort, leases);
    }

    private static Ipv4Prefix prefix(String flag, String text) {
      if (text == null) {
        throw new ToolFailure(
            1,
            "flanneld: "
                + flag
                + " is required (Packetwalk's flanneld reads no etcd; see flanneld --help)");
      }
      Ipv4Prefix parsed =
          Ipv4Prefix.tryParse(text)
              .orElseThrow(() ->
                  new ToolFailure(
                      1, "flanneld: invalid " + flag + " \"" + text + "\": not an IPv4 CIDR"));
      if (!parsed.isHostBitsZero()) {
        throw new ToolFailure(
            1,
            "flanneld: invalid "
                + flag
                + " \""
                + text
                + "\": host bits are set (did you mean "
                + parsed.network()
                + "?)");
      }
      return parsed;
    }

    private static FlannelPeer peer(String text, Ipv4Prefix net, Ipv4Prefix own) {
      int eq = text.lastIndexOf('=');
      if (eq < 0) {
        throw new ToolFailure(
            1,
            "flanneld: invalid --peer \""
                + text
                + "\": give SUBNET=IP, e.g. 10.244.2.0/24=192.0.2.12");
      }
      Ipv4Prefix subnet = prefix("--peer", text.substring(0, eq));
      Ipv4Address ip =
          Ipv4Address.tryParse(text.substring(eq + 1))
              .orElseThrow(() ->
                  new ToolFailure(
                      1,
                      "flanneld: invalid --peer \""
                          + text
                          + "\": \""
                          + text.substring(eq + 1)
                          + "\" is not an IPv4 address"));
      if (subnet.length() < net.length() || !net.contains(subnet.address())) {
        throw new ToolFailure(
            1, "flanneld: --peer subnet " + subnet + " does not lie inside --network " + net);
      }
      if (subnet.contains(own.address()) || own.contains(subnet.address())) {
        throw new ToolFailure(
            1, "flanneld: --peer subnet " + subnet + " overlaps this node's --subnet " + own);
      }
      return new FlannelPeer(subnet, ip);
    }

    private static int port(String text) {
      try {
        int value = Integer.parseInt(text);
        if (value >= 1 && value <= 65535) {
          return value;
        }
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
      throw new ToolFailure(1, "flanneld: invalid --port \"" + text + "\": not a port (1-65535)");
    }

    /** flanneld without --iface: the interface of the default route. */
    private static String defaultIface(ToolContext context) {
      return context.netns().fib().main().routes().stream()
          .filter(r -> r.destination().length() == 0 && r.device() != null)
          .map(r -> r.device().name())
          .findFirst()
          .orElseThrow(() ->
              new ToolFailure(
                  1,
                  "flanneld: failed to get default interface: unable to find default route"
                      + " (give --iface=NAME)"));
    }
  }
}
