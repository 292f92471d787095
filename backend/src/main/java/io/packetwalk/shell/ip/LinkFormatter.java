package io.packetwalk.shell.ip;

import io.packetwalk.kernel.BridgeState;
import io.packetwalk.kernel.DeviceCounters;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * iproute2's print_linkinfo and print_linkinfo_brief: the link line of {@code ip link} and {@code
 * ip addr} in plain, {@code -br}, {@code -o}, {@code -d}, {@code -s} and {@code -j} forms.
 */
final class LinkFormatter {

  private final IpOptions options;
  private final NetNamespace viewer;

  LinkFormatter(IpOptions options, NetNamespace viewer) {
    this.options = options;
    this.viewer = viewer;
  }

  private static KindFacts facts(NetDevice dev) {
    return LinkTypes.of(dev).facts(dev);
  }

  // ---- the parts both forms share ----

  /**
   * The link shown after "@": a same-namespace peer by name; otherwise ifN (N its index) with the
   * namespace it lives in ({@code peer} is null for a link that is no device, see {@link
   * LinkType#foreignLinkNetns}).
   */
  private record LinkRef(
      String text, boolean sameNetns, NetDevice peer, int index, NetNamespace netns) {}

  private static Optional<LinkRef> linkRef(NetDevice dev) {
    LinkType type = LinkTypes.of(dev);
    NetDevice peer = dev.linkDevice();
    if (peer == null) {
      return type.foreignLinkNetns(dev)
          .filter(ns -> ns != dev.netns())
          .map(ns -> new LinkRef("if" + dev.ifindex(), false, null, dev.ifindex(), ns));
    }
    if (peer.netns() == dev.netns()) {
      return Optional.of(new LinkRef(peer.name(), true, peer, peer.ifindex(), peer.netns()));
    }
    return Optional.of(
        new LinkRef("if" + peer.ifindex(), false, peer, peer.ifindex(), peer.netns()));
  }

  /** print_name_and_link(); returns the M-DOWN mark (a same-namespace peer that is down). */
  private boolean nameAndLink(IpPrinter p, NetDevice dev, String format) {
    Optional<LinkRef> ref = linkRef(dev);
    String name = dev.name();
    boolean mDown = false;
    if (ref.isPresent()) {
      LinkRef r = ref.get();
      if (r.sameNetns()) {
        p.string(Mode.JSON, "link", null, r.peer().name());
        mDown = !r.peer().isAdminUp();
      } else {
        p.number(Mode.JSON, "link_index", null, r.index());
      }
      if (!p.isJson()) {
        name = name + "@" + r.text();
      }
    }
    p.string(Mode.ANY, "ifname", format, name);
    return mDown;
  }

  /** print_link_flags(). */
  private void flags(IpPrinter p, NetDevice dev, boolean mDown) {
    List<String> words = flagWords(dev, mDown);
    p.openArray("flags", "<");
    for (int i = 0; i < words.size(); i++) {
      p.string(Mode.ANY, null, i < words.size() - 1 ? "%s," : "%s", words.get(i));
    }
    p.closeArray("> ");
  }

  /** The interface flags ip prints between angle brackets, in iproute2's order. */
  static List<String> flagWords(NetDevice dev, boolean mDown) {
    List<String> words = new ArrayList<>();
    boolean up = dev.isAdminUp();
    if (up && !dev.isRunning()) {
      words.add("NO-CARRIER");
    }
    words.addAll(LinkTypes.of(dev).flagWords(dev));
    if (up) {
      words.add("UP");
      if (dev.hasCarrier()) {
        words.add("LOWER_UP");
      }
    }
    if (mDown) {
      words.add("M-DOWN");
    }
    return words;
  }

  private static String operState(NetDevice dev) {
    return dev.operState().name();
  }

  /** link-netns NAME when the peer's namespace has a name and an id here, else link-netnsid N. */
  private void linkNetns(IpPrinter p, NetDevice dev) {
    Optional<LinkRef> ref = linkRef(dev);
    if (ref.isEmpty() || ref.get().sameNetns()) {
      return;
    }
    NetNamespace other = ref.get().netns();
    int id = viewer.peerId(other);
    if (p.isJson()) {
      p.number(Mode.JSON, "link_netnsid", null, id);
    } else if (!other.isRoot()) {
      p.string(Mode.TEXT, null, " link-netns %s", other.name());
    } else {
      p.number(Mode.TEXT, null, " link-netnsid %d", id);
    }
  }

  // ---- the full form ----

  /**
   * The link part of {@code ip link} / {@code ip addr} (everything but the addresses); ends with a
   * new line. {@code doLink} is true for {@code ip link} (adds "mode DEFAULT", addrgenmode and
   * statistics).
   */
  void link(IpPrinter p, NetDevice dev, boolean doLink) {
    boolean inet6Only = options.family() == IpOptions.Family.INET6;
    p.number(Mode.ANY, "ifindex", "%d: ", dev.ifindex());
    boolean mDown = nameAndLink(p, dev, "%s: ");
    flags(p, dev, mDown);
    p.number(Mode.ANY, "mtu", "mtu %d ", dev.mtu());
    if (!inet6Only) {
      p.string(Mode.ANY, "qdisc", "qdisc %s ", dev.qdisc());
      if (dev.master() != null) {
        p.string(Mode.ANY, "master", "master %s ", dev.master().name());
      }
    }
    p.string(Mode.ANY, "operstate", "state %s ", operState(dev));
    if (doLink) {
      p.string(Mode.ANY, "linkmode", "mode %s ", "DEFAULT");
    }
    if (!inet6Only) {
      p.string(Mode.ANY, "group", "group %s ", "default");
    }
    p.number(Mode.ANY, "txqlen", "qlen %d", LinkTypes.of(dev).txQueueLength(dev));
    KindFacts facts = facts(dev);
    if (options.family() == IpOptions.Family.UNSPEC
        || options.family() == IpOptions.Family.PACKET
        || options.details()) {
      p.newline();
      p.string(Mode.ANY, "link_type", "    link/%s ", facts.linkType());
      if (LinkTypes.of(dev).hasLinkAddress(dev)) {
        p.string(Mode.ANY, "address", "%s", dev.mac().toString());
        p.text(" brd ");
        p.string(
            Mode.ANY,
            "broadcast",
            "%s",
            dev.isLoopback() ? MacAddress.ZERO.toString() : MacAddress.BROADCAST.toString());
      }
    }
    if (!inet6Only) {
      linkNetns(p, dev);
    }
    if (options.details()) {
      details(p, dev, facts, doLink);
    }
    if (doLink && options.stats()) {
      p.newline();
      stats(p, dev.counters());
    }
    p.endRecord();
  }

  private void details(IpPrinter p, NetDevice dev, KindFacts facts, boolean doLink) {
    boolean port = dev.master() != null;
    p.number(Mode.ANY, "promiscuity", " promiscuity %d ", dev.promiscuity());
    p.number(Mode.ANY, "allmulti", " allmulti %d ", port ? 1 : 0);
    p.number(Mode.ANY, "min_mtu", "minmtu %d ", facts.minMtu());
    p.number(Mode.ANY, "max_mtu", "maxmtu %d ", facts.maxMtu());
    if (facts.infoKind() != null || port) {
      p.openObject("linkinfo");
      if (facts.infoKind() != null) {
        p.newline();
        p.string(Mode.ANY, "info_kind", "    %s ", facts.infoKind());
        LinkType type = LinkTypes.of(dev);
        if (type.hasInfoData(dev)) {
          p.openObject("info_data");
          type.infoData(p, dev);
          p.closeObject();
        }
      }
      if (port) {
        p.newline();
        p.string(Mode.ANY, "info_slave_kind", "    %s_slave ", "bridge");
        p.openObject("info_slave_data");
        BridgeDetails.port(p, dev);
        p.closeObject();
      }
      p.closeObject();
    }
    if (doLink) {
      p.string(Mode.ANY, "inet6_addr_gen_mode", "addrgenmode %s ", dev.addrGenMode());
    }
    p.number(Mode.ANY, "num_tx_queues", "numtxqueues %d ", facts.queues());
    p.number(Mode.ANY, "num_rx_queues", "numrxqueues %d ", facts.queues());
    p.number(Mode.ANY, "gso_max_size", "gso_max_size %d ", 65536);
    p.number(Mode.ANY, "gso_max_segs", "gso_max_segs %d ", 65535);
    p.number(Mode.ANY, "tso_max_size", "tso_max_size %d ", facts.tsoMaxSize());
    p.number(Mode.ANY, "tso_max_segs", "tso_max_segs %d ", 65535);
    p.number(Mode.ANY, "gro_max_size", "gro_max_size %d ", 65536);
  }

  /** {@code -s}: the RX/TX counter table (errors and the like are never counted here). */
  void stats(IpPrinter p, DeviceCounters c) {
    if (p.isJson()) {
      p.openObject("stats64");
      p.openObject("rx");
      p.number(Mode.JSON, "bytes", null, c.rxBytes());
      p.number(Mode.JSON, "packets", null, c.rxPackets());
      p.number(Mode.JSON, "errors", null, 0);
      p.number(Mode.JSON, "dropped", null, c.rxDropped());
      p.number(Mode.JSON, "over_errors", null, 0);
      p.number(Mode.JSON, "multicast", null, 0);
      p.closeObject();
      p.openObject("tx");
      p.number(Mode.JSON, "bytes", null, c.txBytes());
      p.number(Mode.JSON, "packets", null, c.txPackets());
      p.number(Mode.JSON, "errors", null, 0);
      p.number(Mode.JSON, "dropped", null, c.txDropped());
      p.number(Mode.JSON, "carrier_errors", null, 0);
      p.number(Mode.JSON, "collisions", null, 0);
      p.closeObject();
      p.closeObject();
      return;
    }
    p.text("    RX:  bytes packets errors dropped  missed   mcast           ");
    p.newline();
    p.text(
        String.format(
            "    %10d %7d %6d %7d %7d %7d ", c.rxBytes(), c.rxPackets(), 0, c.rxDropped(), 0, 0));
    p.newline();
    p.text("    TX:  bytes packets errors dropped carrier collsns           ");
    p.newline();
    p.text(
        String.format(
            "    %10d %7d %6d %7d %7d %7d ", c.txBytes(), c.txPackets(), 0, c.txDropped(), 0, 0));
  }

  // ---- the brief form ----

  /** print_linkinfo_brief(): name@link, state, and for {@code ip -br link} the MAC and flags. */
  void brief(IpPrinter p, NetDevice dev, boolean linkOnly) {
    Optional<LinkRef> ref = linkRef(dev);
    String shown = ref.map(r -> dev.name() + "@" + r.text()).orElse(dev.name());
    boolean mDown = false;
    if (ref.isPresent()) {
      if (ref.get().sameNetns()) {
        p.string(Mode.JSON, "link", null, ref.get().peer().name());
        mDown = !ref.get().peer().isAdminUp();
      } else {
        p.number(Mode.JSON, "link_index", null, ref.get().index());
      }
    }
    p.text(String.format("%-16s ", shown));
    p.string(Mode.JSON, "ifname", null, dev.name());
    if (p.isJson()) {
      p.string(Mode.JSON, "operstate", null, operState(dev));
    } else {
      p.text(String.format("%-14s ", operState(dev)));
    }
    if (linkOnly) {
      if (LinkTypes.of(dev).hasLinkAddress(dev)) {
        p.string(Mode.ANY, "address", "%s ", dev.mac().toString());
      }
      flags(p, dev, mDown);
      p.text("\n");
    }
  }

  /** The bridge-id text {@code ip -d} prints: priority, a dot, the MAC in ether_ntoa form. */
  static String bridgeId(MacAddress mac) {
    StringBuilder out = new StringBuilder("8000.");
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString(mac.octet(i)));
    }
    return out.toString();
  }

  /** The MAC a bridge identifies itself with: zero until it has a port or a MAC set by hand. */
  static MacAddress bridgeMac(NetDevice bridge) {
    BridgeState state = bridge.bridge();
    return state.ports().isEmpty() && !state.macSetByUser() ? MacAddress.ZERO : bridge.mac();
  }
}
