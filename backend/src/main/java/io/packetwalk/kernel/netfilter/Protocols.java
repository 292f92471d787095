package io.packetwalk.kernel.netfilter;

import java.util.Locale;
import java.util.OptionalInt;

/** IP protocol names as iptables accepts and prints them. */
public final class Protocols {

  private Protocols() {}

  /** {@code tcp}, {@code udp}, {@code icmp}, {@code all} (0) or a number 0–255. */
  public static OptionalInt parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "all" -> OptionalInt.of(0);
      case "icmp" -> OptionalInt.of(1);
      case "tcp" -> OptionalInt.of(6);
      case "udp" -> OptionalInt.of(17);
      case "sctp" -> OptionalInt.of(132);
      case "gre" -> OptionalInt.of(47);
      case "esp" -> OptionalInt.of(50);
      case "ah" -> OptionalInt.of(51);
      default -> {
        if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(Character::isDigit)) {
          int number = Integer.parseInt(text);
          yield number <= 255 ? OptionalInt.of(number) : OptionalInt.empty();
        }
        yield OptionalInt.empty();
      }
    };
  }

  /** The name iptables-save prints: {@code tcp}, {@code udp}, {@code icmp}, or the number. */
  public static String name(int protocol) {
    return switch (protocol) {
      case 1 -> "icmp";
      case 6 -> "tcp";
      case 17 -> "udp";
      case 132 -> "sctp";
      case 47 -> "gre";
      case 50 -> "esp";
      case 51 -> "ah";
      default -> Integer.toString(protocol);
    };
  }
}
