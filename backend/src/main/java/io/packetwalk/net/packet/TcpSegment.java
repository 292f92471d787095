package io.packetwalk.net.packet;

import java.util.Set;

/**
 * A TCP segment: a 20-byte header with {@code optionsLength} bytes of options, carrying {@code
 * dataLength} bytes. Linux puts 20 bytes of options on a SYN and a SYN-ACK (MSS, SACK permitted,
 * timestamps, window scale) and 12 on later segments (timestamps); its resets carry none.
 */
public record TcpSegment(
    int srcPort,
    int dstPort,
    Set<Flag> flags,
    long sequence,
    long acknowledgement,
    int dataLength,
    int optionsLength)
    implements IpPayload {

  /** Options of a SYN or SYN-ACK from Linux. */
  public static final int SYN_OPTIONS = 20;

  /** Options of a later segment from Linux (the timestamps, padded). */
  public static final int TIMESTAMP_OPTIONS = 12;

  /** A segment without options (a reset). */
  public TcpSegment(
      int srcPort,
      int dstPort,
      Set<Flag> flags,
      long sequence,
      long acknowledgement,
      int dataLength) {
    this(srcPort, dstPort, flags, sequence, acknowledgement, dataLength, 0);
  }

  /** The same segment with other ports (NAT). */
  public TcpSegment withPorts(int newSrcPort, int newDstPort) {
    return new TcpSegment(
        newSrcPort, newDstPort, flags, sequence, acknowledgement, dataLength, optionsLength);
  }

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
    // Set.copyOf returns an immutable set as it is: NAT's withPorts copies nothing.
    flags = flags.isEmpty() ? Set.of() : Set.copyOf(flags);
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
    return HEADER_LENGTH + optionsLength + dataLength;
  }
}
