package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.VxlanConfig;
import io.packetwalk.kernel.VxlanFdbEntry;
import io.packetwalk.kernel.VxlanRemote;
import io.packetwalk.kernel.VxlanState;
import io.packetwalk.shell.ip.IpPrinter.Mode;
import java.util.function.IntPredicate;

/**
 * The lines {@code bridge fdb show} prints for a VXLAN device (vxlan_fdb_dump and print_fdb): one
 * per entry and remote, newest entry first, with {@code dst}, the port and VNI when they differ
 * from the device's, {@code via} when the remote names a device, then {@code self} and the state.
 */
final class VxlanFdbLines {

  static final int NUD_REACHABLE = 0x02;
  static final int NUD_NOARP = 0x40;
  static final int NUD_PERMANENT = 0x80;

  private VxlanFdbLines() {}

  static int nud(VxlanFdbEntry entry) {
    return switch (entry.state()) {
      case PERMANENT -> NUD_PERMANENT;
      case STATIC -> NUD_NOARP;
      case REACHABLE -> NUD_REACHABLE;
    };
  }

  static void print(
      IpPrinter p,
      NetDevice dev,
      VxlanState state,
      long nowNs,
      boolean showDev,
      IntPredicate keeps) {
    VxlanConfig config = state.config();
    for (VxlanFdbEntry entry : state.fdb(nowNs)) {
      int nud = nud(entry);
      if (!keeps.test(nud)) {
        continue;
      }
      for (VxlanRemote remote : entry.remotes()) {
        p.openObject(null);
        p.string(Mode.ANY, "mac", "%s ", entry.mac().toString());
        if (showDev) {
          p.string(Mode.ANY, "ifname", "dev %s ", dev.name());
        }
        p.string(Mode.ANY, "dst", "dst %s ", remote.address().toString());
        if (remote.port() != 0 && remote.port() != config.dstPort()) {
          p.number(Mode.ANY, "port", "port %d ", remote.port());
        }
        if (remote.vni() >= 0 && remote.vni() != config.vni()) {
          p.number(Mode.ANY, "vni", "vni %d ", remote.vni());
        }
        if (remote.via() != null) {
          p.string(Mode.ANY, "viaIf", "via %s ", remote.via().name());
        }
        p.openJsonArray("flags");
        p.string(Mode.ANY, null, "%s ", "self");
        p.closeJsonArray();
        p.string(Mode.ANY, "state", "%s", stateWord(nud));
        p.text("\n");
        p.closeObject();
      }
    }
  }

  private static String stateWord(int nud) {
    if ((nud & NUD_PERMANENT) != 0) {
      return "permanent";
    }
    if ((nud & NUD_NOARP) != 0) {
      return "static";
    }
    return "";
  }
}
