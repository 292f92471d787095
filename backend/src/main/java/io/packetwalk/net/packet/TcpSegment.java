package io.packetwalk.net.packet;

import java.util.EnumSet;
import java.util.Set;

/** A TCP segment (20-byte header, no options) carrying {@code dataLength} bytes. */
public record TcpSegment(
    int srcPort, int dstPort, Set<Flag> flags, long sequence, long acknowledgement, int dataLength)
    implements IpPayload {

  public static final int HEADER_LENGTH = 20;

  /** TCP control flags, with the letter tcpdump prints. */
  public enum Flag {
    FIN("F"),
    SYN("S"),
    RST("R"),
    PSH("P"),
    ACK(".");

    private final String letter;

    Flag(String letter) {
      this.letter = letter;
    }

    public String letter() {
      return letter;
    }
  }

  public TcpSegment {
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
  }

  public boolean has(Flag flag) {
    return flags.contains(flag);
  }

  /** Flags in tcpdump's order and letters: {@code S}, {@code S.}, {@code R.}, {@code FP.}. */
  public String flagLetters() {
    StringBuilder out = new StringBuilder();
    for (Flag flag : Flag.values()) {
      if (flags.contains(flag)) {
        out.append(flag.letter());
      }
    }
    return out.toString();
  }

  @Override
  public String protocolName() {
    return "TCP";
  }

  @Override
  public int protocolNumber() {
    return 6;
  }

  @Override
  public int length() {
    return HEADER_LENGTH + dataLength;
  }
}
