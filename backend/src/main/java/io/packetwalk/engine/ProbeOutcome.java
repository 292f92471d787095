package io.packetwalk.engine;

import io.packetwalk.net.Ipv4Address;

/** What became of one ping probe, as iputils reports it. */
public sealed interface ProbeOutcome {

  /** The probe's icmp_seq, starting at 1. */
  int sequence();

  /** An echo reply: {@code BYTES bytes from FROM: icmp_seq=N ttl=TTL time=RTT ms}. */
  record Reply(int sequence, Ipv4Address from, int ttl, int bytes, long rttNs)
      implements ProbeOutcome {}

  /**
   * An error line: {@code From FROM icmp_seq=N <kind>}; {@code mtu} is set for frag-needed and for
   * a local "message too long" (then {@code from} is the sender's own source address).
   */
  record Error(int sequence, Ipv4Address from, ErrorKind kind, int mtu) implements ProbeOutcome {}

  /** No answer before ping stopped waiting. */
  record Lost(int sequence) implements ProbeOutcome {}

  /** The ICMP errors ping reports, with the words iputils 20221126 prints for each. */
  enum ErrorKind {
    /** ICMP net unreachable (a router has no route). */
    NET_UNREACHABLE("Destination Net Unreachable"),
    /** ICMP host unreachable (ARP failed, or an unreachable route). */
    HOST_UNREACHABLE("Destination Host Unreachable"),
    /** ICMP protocol unreachable (REJECT --reject-with icmp-proto-unreachable). */
    PROTOCOL_UNREACHABLE("Destination Protocol Unreachable"),
    /** ICMP port unreachable (REJECT's default). */
    PORT_UNREACHABLE("Destination Port Unreachable"),
    /** ICMP net prohibited (REJECT --reject-with icmp-net-prohibited). */
    NET_PROHIBITED("Destination Net Prohibited"),
    /** ICMP host prohibited (REJECT --reject-with icmp-host-prohibited). */
    HOST_PROHIBITED("Destination Host Prohibited"),
    /** ICMP communication administratively prohibited (a prohibit route). */
    PROHIBITED("Packet filtered"),
    /** ICMP fragmentation needed: too big for the next hop with DF set. */
    FRAG_NEEDED("Frag needed and DF set (mtu = %d)"),
    /** ICMP time exceeded: the TTL ran out at a router. */
    TTL_EXCEEDED("Time to live exceeded"),
    /** The sender's own kernel refused a DF packet bigger than the path MTU (stderr line). */
    LOCAL_MESSAGE_TOO_LONG("local error: message too long, mtu=%d");

    private final String words;

    ErrorKind(String words) {
      this.words = words;
    }

    /** The text iputils prints for this error ({@code %d} stands for the MTU where it has one). */
    public String words() {
      return words;
    }
  }
}
