package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.packet.TcpSegment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** TCP flag names as {@code --tcp-flags} spells them, and their bits in the TCP header. */
public final class TcpFlags {

  private TcpFlags() {}

  /** The flags {@code --syn} tests: FIN,SYN,RST,ACK with only SYN set. */
  public static final Set<TcpSegment.Flag> SYN_MASK =
      EnumSet.of(
          TcpSegment.Flag.FIN, TcpSegment.Flag.SYN, TcpSegment.Flag.RST, TcpSegment.Flag.ACK);

  /** Parses {@code SYN,ACK}, {@code ALL} or {@code NONE}; empty when a name is unknown. */
  public static Optional<Set<TcpSegment.Flag>> parse(String text) {
    Set<TcpSegment.Flag> flags = EnumSet.noneOf(TcpSegment.Flag.class);
    for (String name : text.split(",", -1)) {
      switch (name.toUpperCase(Locale.ROOT)) {
        case "ALL" -> flags.addAll(EnumSet.allOf(TcpSegment.Flag.class));
        case "NONE" -> {}
        case "FIN" -> flags.add(TcpSegment.Flag.FIN);
        case "SYN" -> flags.add(TcpSegment.Flag.SYN);
        case "RST" -> flags.add(TcpSegment.Flag.RST);
        case "PSH" -> flags.add(TcpSegment.Flag.PSH);
        case "ACK" -> flags.add(TcpSegment.Flag.ACK);
        case "URG" -> {}
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(flags);
  }

  /** {@code FIN,SYN,RST,ACK} in header order, or {@code NONE}. */
  public static String names(Set<TcpSegment.Flag> flags) {
    List<String> names = new ArrayList<>();
    for (TcpSegment.Flag flag : TcpSegment.Flag.values()) {
      if (flags.contains(flag)) {
        names.add(flag.name());
      }
    }
    return names.isEmpty() ? "NONE" : String.join(",", names);
  }

  /** The flags as header bits: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10. */
  public static int bits(Set<TcpSegment.Flag> flags) {
    int bits = 0;
    for (TcpSegment.Flag flag : flags) {
      bits |= 1 << flag.ordinal();
    }
    return bits;
  }
}
