package io.packetwalk.net.packet;

/**
 * An ICMP message. Echo messages carry {@code id}, {@code sequence} and {@code dataLength} bytes of
 * data; error messages quote the offending packet's header in {@code quoted} and may carry the
 * next-hop MTU (fragmentation needed).
 */
public record IcmpMessage(
    int type, int code, int id, int sequence, int dataLength, Ipv4Packet quoted, int nextHopMtu)
    implements IpPayload {

  public static final int HEADER_LENGTH = 8;

  /**
   * How much of the offending packet an error quotes: as much as fits in 576 bytes (icmp_send),
   * which is all of a small packet.
   */
  public static final int MAX_QUOTED = 576 - 20 - HEADER_LENGTH;

  public static final int ECHO_REPLY = 0;
  public static final int DEST_UNREACHABLE = 3;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;

  public static final int CODE_NET_UNREACHABLE = 0;
  public static final int CODE_HOST_UNREACHABLE = 1;
  public static final int CODE_PORT_UNREACHABLE = 3;
  public static final int CODE_FRAG_NEEDED = 4;
  public static final int CODE_ADMIN_PROHIBITED = 13;

  public static IcmpMessage echoRequest(int id, int sequence, int dataLength) {
    return new IcmpMessage(ECHO_REQUEST, 0, id, sequence, dataLength, null, 0);
  }

  public static IcmpMessage echoReply(IcmpMessage request) {
    return new IcmpMessage(
        ECHO_REPLY, 0, request.id, request.sequence, request.dataLength, null, 0);
  }

  /** An error message quoting the offending packet (its header plus 8 bytes, as RFC 792 asks). */
  public static IcmpMessage error(int type, int code, Ipv4Packet offending, int nextHopMtu) {
    return new IcmpMessage(type, code, 0, 0, 0, offending, nextHopMtu);
  }

  public boolean isError() {
    return type == DEST_UNREACHABLE || type == TIME_EXCEEDED;
  }

  public boolean isEcho() {
    return type == ECHO_REQUEST || type == ECHO_REPLY;
  }

  /** A learner-readable name, as tcpdump words it: "echo request", "host 10.0.0.9 unreachable". */
  public String description() {
    return switch (type) {
      case ECHO_REQUEST -> "echo request";
      case ECHO_REPLY -> "echo reply";
      case TIME_EXCEEDED -> "time exceeded in-transit";
      case DEST_UNREACHABLE ->
          switch (code) {
            case CODE_NET_UNREACHABLE -> "net unreachable";
            case CODE_HOST_UNREACHABLE -> "host unreachable";
            case 2 -> "protocol unreachable";
            case CODE_PORT_UNREACHABLE -> "port unreachable";
            case 9 -> "net prohibited";
            case 10 -> "host prohibited";
            case CODE_FRAG_NEEDED -> "fragmentation needed";
            case CODE_ADMIN_PROHIBITED -> "communication administratively prohibited";
            default -> "destination unreachable (code " + code + ")";
          };
      default -> "type " + type + " code " + code;
    };
  }

  @Override
  public String protocolName() {
    return "ICMP";
  }

  @Override
  public int protocolNumber() {
    return 1;
  }

  @Override
  public int length() {
    if (quoted != null) {
      return HEADER_LENGTH + Math.min(quoted.totalLength(), MAX_QUOTED);
    }
    return HEADER_LENGTH + dataLength;
  }
}
