package io.packetwalk.shell.ip;

import io.packetwalk.kernel.DeviceKind;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.kernel.TunState;
import io.packetwalk.shell.ToolFailure;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.List;

/**
 * TUN and TAP devices as {@code ip link} sees them (info_kind {@code tun}): made only by {@code ip
 * tuntap} or a program's TUNSETIFF — the kernel refuses {@code ip link add … type tun} — and
 * printed as iproute2 6.1's tun print_opt() does. A TUN has no link-layer address ({@code
 * link/none}, POINTOPOINT,NOARP, qlen 500); a TAP looks like any Ethernet device.
 */
final class TunLink implements LinkType {

  @Override
  public String name() {
    return "tun";
  }

  static TunState state(NetDevice dev) {
    return ((DeviceKind.Tun) dev.kind()).state();
  }

  private static boolean isTun(NetDevice dev) {
    return state(dev).isTun();
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    TunConfig c = state(dev).config();
    return new KindFacts(
        c.mode() == TunConfig.Mode.TUN ? "none" : "ether",
        68,
        c.mode() == TunConfig.Mode.TUN ? 65535 : 65521,
        c.multiQueue() ? 256 : 1,
        "tun",
        65536);
  }

  @Override
  public List<String> flagWords(NetDevice dev) {
    return isTun(dev)
        ? List.of("POINTOPOINT", "MULTICAST", "NOARP")
        : List.of("BROADCAST", "MULTICAST");
  }

  @Override
  public int txQueueLength(NetDevice dev) {
    return isTun(dev) ? 500 : 1000;
  }

  @Override
  public boolean hasLinkAddress(NetDevice dev) {
    return !isTun(dev);
  }

  /**
   * tun_validate() refuses every rtnetlink request that names the kind: TUN/TAP devices come from
   * /dev/net/tun.
   */
  private static ToolFailure refused() {
    return new ToolFailure(2, "Error: tun/tap creation via rtnetlink is not supported.");
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    throw refused();
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    throw refused();
  }

  @Override
  public boolean hasInfoData(NetDevice dev) {
    return true;
  }

  /** tun print_opt(): type, pi, vnet_hdr, multi_queue with its queue counts, persist, owner. */
  @Override
  public void infoData(IpPrinter p, NetDevice dev) {
    TunState state = state(dev);
    TunConfig c = state.config();
    p.string(Mode.ANY, "type", "type %s ", c.mode().word());
    p.onOff("pi", "pi %s ", c.packetInfo());
    p.onOff("vnet_hdr", "vnet_hdr %s ", c.vnetHeader());
    if (c.multiQueue()) {
      p.onOffFlag("multi_queue");
      p.number(Mode.ANY, "numqueues", "numqueues %d ", state.queues());
      p.number(Mode.ANY, "numdisabled", "numdisabled %d ", 0);
    } else {
      p.literal(Mode.JSON, "multi_queue", null, "false");
    }
    p.onOff("persist", "persist %s ", c.persist());
    if (c.owner() >= 0) {
      p.literal(Mode.JSON, "user", null, Integer.toString(c.owner()));
      p.text("user " + TunOwners.userName(c.owner()) + " ");
    }
    if (c.group() >= 0) {
      p.literal(Mode.JSON, "group", null, Integer.toString(c.group()));
      p.text("group " + TunOwners.groupName(c.group()) + " ");
    }
  }
}
