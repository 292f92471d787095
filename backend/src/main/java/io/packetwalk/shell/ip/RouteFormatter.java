package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.shell.ip.IpPrinter.Mode;

/**
 * iproute2's print_route for table routes: type (unless unicast), destination, gateway, device,
 * table (unless main), protocol (unless boot), scope (unless global), preferred source, metric and
 * flags ({@code onlink}, {@code linkdown}). What a listing filters on is not printed.
 */
final class RouteFormatter {

  /** Which fields a listing filter fixed (iproute2 leaves those out). */
  record Hidden(
      boolean table, boolean dev, boolean protocol, boolean scope, boolean metric, boolean via) {

    static final Hidden NONE = new Hidden(false, false, false, false, false, false);
  }

  private final boolean details;

  RouteFormatter(boolean details) {
    this.details = details;
  }

  static String destination(Ipv4Prefix dst) {
    if (dst.length() == 0) {
      return "default";
    }
    return dst.length() == 32 ? dst.address().toString() : dst.toString();
  }

  void print(IpPrinter p, Route r, Hidden hidden) {
    p.openObject(null);
    if (r.type() != RouteType.UNICAST || details) {
      p.string(Mode.ANY, "type", "%s ", r.type().word());
    }
    p.string(Mode.ANY, "dst", "%s ", destination(r.destination()));
    if (r.gateway() != null && !hidden.via()) {
      p.string(Mode.ANY, "gateway", "via %s ", r.gateway().toString());
    }
    if (r.device() != null && !hidden.dev()) {
      p.string(Mode.ANY, "dev", "dev %s ", r.device().name());
    }
    if ((r.table() != Route.TABLE_MAIN || details) && !hidden.table()) {
      p.string(Mode.ANY, "table", "table %s ", RouteWords.tableName(r.table()));
    }
    if ((r.protocol() != RouteProtocol.BOOT || details) && !hidden.protocol()) {
      p.string(Mode.ANY, "protocol", "proto %s ", r.protocol().word());
    }
    if ((r.scope() != AddressScope.GLOBAL || details) && !hidden.scope()) {
      p.string(Mode.ANY, "scope", "scope %s ", r.scope().word());
    }
    if (r.preferredSource() != null) {
      p.string(Mode.ANY, "prefsrc", "src %s ", r.preferredSource().toString());
    }
    if (r.metric() != 0 && !hidden.metric()) {
      p.number(Mode.ANY, "metric", "metric %d ", Integer.toUnsignedLong(r.metric()));
    }
    p.openJsonArray("flags");
    if (r.onlink()) {
      p.string(Mode.ANY, null, "%s ", "onlink");
    }
    if (r.device() != null && r.device().isAdminUp() && !r.device().hasCarrier()) {
      p.string(Mode.ANY, null, "%s ", "linkdown");
    }
    p.closeJsonArray();
    p.text("\n");
    p.closeObject();
  }
}
