package io.packetwalk.shell.ip;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import java.util.Optional;

/**
 * The names iproute2 reads and prints for scopes, route protocols, tables and route types
 * (rtnl_rtscope_a2n/n2a, rtnl_rtprot_*, rtnl_rttable_*, rtnl_rtntype_*), numbers included.
 */
final class RouteWords {

  private RouteWords() {}

  /** A scope by name or number; null when Packetwalk has no such scope. */
  static AddressScope scope(String text) {
    return switch (text) {
      case "global", "universe" -> AddressScope.GLOBAL;
      case "link" -> AddressScope.LINK;
      case "host" -> AddressScope.HOST;
      case "nowhere" -> AddressScope.NOWHERE;
      default ->
          LinkRequest.integer(text)
              .flatMap(n -> {
                for (AddressScope s : AddressScope.values()) {
                  if (s.number() == n) {
                    return Optional.of(s);
                  }
                }
                return Optional.empty();
              })
              .orElse(null);
    };
  }

  /** A route protocol by name or number, if Packetwalk models it. */
  static Optional<RouteProtocol> protocol(String text) {
    for (RouteProtocol p : RouteProtocol.values()) {
      if (p.word().equals(text)) {
        return Optional.of(p);
      }
    }
    return LinkRequest.integer(text)
        .flatMap(n -> {
          for (RouteProtocol p : RouteProtocol.values()) {
            if (p.number() == n) {
              return Optional.of(p);
            }
          }
          return Optional.empty();
        });
  }

  /** A table id by name ("main", "local", "default", "all") or number 1…2^32-1. */
  static Optional<Integer> table(String text) {
    return switch (text) {
      case "main" -> Optional.of(Route.TABLE_MAIN);
      case "local" -> Optional.of(Route.TABLE_LOCAL);
      case "default" -> Optional.of(Route.TABLE_DEFAULT);
      case "all", "unspec" -> Optional.of(0);
      default -> LinkRequest.integer(text).filter(n -> n >= 0);
    };
  }

  /** The name ip prints for a table id. */
  static String tableName(int id) {
    return switch (id) {
      case Route.TABLE_MAIN -> "main";
      case Route.TABLE_LOCAL -> "local";
      case Route.TABLE_DEFAULT -> "default";
      default -> Integer.toString(id);
    };
  }

  /** A route type by its word. */
  static Optional<RouteType> type(String text) {
    for (RouteType t : RouteType.values()) {
      if (t.word().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
