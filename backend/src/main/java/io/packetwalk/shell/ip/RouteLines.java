package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RoutingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A namespace's routes as {@code ip route show table all} prints them, without the local table (the
 * addresses the namespace owns): one line per route, in table-id order.
 */
public final class RouteLines {

  private RouteLines() {}

  public static List<String> of(NetNamespace ns) {
    RouteFormatter formatter = new RouteFormatter(false);
    List<String> lines = new ArrayList<>();
    for (RoutingTable table : ns.fib().tables()) {
      if (table.id() == Route.TABLE_LOCAL) {
        continue;
      }
      for (Route route : table.routes()) {
        IpPrinter printer = new IpPrinter(IpOptions.defaults());
        formatter.print(printer, route, RouteFormatter.Hidden.NONE);
        lines.add(printer.finish().strip());
      }
    }
    return lines;
  }
}
