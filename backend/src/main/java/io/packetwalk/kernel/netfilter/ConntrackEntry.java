package io.packetwalk.kernel.netfilter;

import io.packetwalk.net.Ipv4Address;

/**
 * One tracked connection (struct nf_conn): its original and reply tuples (the reply tuple is the
 * translated one when NAT applies), the protocol state, the status bits {@code conntrack -L} shows,
 * its mark, and when it times out.
 */
public final class ConntrackEntry {

  /** TCP's conntrack states and their default timeouts in seconds. */
  public enum TcpState {
    SYN_SENT(120),
    SYN_RECV(60),
    ESTABLISHED(432_000),
    FIN_WAIT(120),
    CLOSE_WAIT(60),
    LAST_ACK(30),
    TIME_WAIT(120),
    CLOSE(10);

    private final int timeoutSeconds;

    TcpState(int timeoutSeconds) {
      this.timeoutSeconds = timeoutSeconds;
    }

    public int timeoutSeconds() {
      return timeoutSeconds;
    }
  }

  private final long id;
  private final CtTuple original;
  private CtTuple reply;
  private TcpState tcpState;
  private boolean confirmed;
  private boolean seenReply;
  private boolean assured;
  private boolean sourceNat;
  private boolean destinationNat;
  private boolean sourceNatDone;
  private boolean destinationNatDone;
  private boolean masqueraded;
  private int masqueradeIfindex;
  private int mark;
  private long expiresNs;
  private int packetsInOriginal;

  public ConntrackEntry(long id, CtTuple original) {
    this.id = id;
    this.original = original;
    this.reply = original.inverted();
  }

  public long id() {
    return id;
  }

  public CtTuple original() {
    return original;
  }

  public CtTuple reply() {
    return reply;
  }

  public TcpState tcpState() {
    return tcpState;
  }

  public void setTcpState(TcpState state) {
    this.tcpState = state;
  }

  public boolean confirmed() {
    return confirmed;
  }

  public void confirm() {
    this.confirmed = true;
  }

  public boolean seenReply() {
    return seenReply;
  }

  public void setSeenReply() {
    this.seenReply = true;
  }

  public boolean assured() {
    return assured;
  }

  public void setAssured() {
    this.assured = true;
  }

  public int mark() {
    return mark;
  }

  public void setMark(int mark) {
    this.mark = mark;
  }

  public long expiresNs() {
    return expiresNs;
  }

  public void expireAt(long ns) {
    this.expiresNs = ns;
  }

  public int packetsInOriginal() {
    return packetsInOriginal;
  }

  public void countOriginal() {
    packetsInOriginal++;
  }

  /** Whether the NAT of this kind (destination at PREROUTING/OUTPUT, else source) was decided. */
  public boolean natDecided(boolean destination) {
    return destination ? destinationNatDone : sourceNatDone;
  }

  /** Records the NAT decision of one kind; a null binding ("no rule matched") counts too. */
  public void decideNat(boolean destination) {
    if (destination) {
      destinationNatDone = true;
    } else {
      sourceNatDone = true;
    }
  }

  /** DNAT: replies come from {@code address}:{@code port} instead. */
  public void natDestination(Ipv4Address address, int port) {
    reply =
        reply.protocol() == CtTuple.ICMP
            ? new CtTuple(reply.protocol(), address, reply.dst(), reply.srcPort(), reply.dstPort())
            : reply.withSource(address, port);
    destinationNat = true;
  }

  /** SNAT/MASQUERADE: replies go to {@code address}:{@code port} instead. */
  public void natSource(Ipv4Address address, int port, boolean masquerade) {
    reply =
        reply.protocol() == CtTuple.ICMP
            ? new CtTuple(reply.protocol(), reply.src(), address, port, reply.dstPort())
            : new CtTuple(reply.protocol(), reply.src(), address, reply.srcPort(), port);
    sourceNat = true;
    masqueraded = masquerade;
  }

  public boolean sourceNat() {
    return sourceNat;
  }

  public boolean destinationNat() {
    return destinationNat;
  }

  public boolean masqueraded() {
    return masqueraded;
  }

  /** Records the device a MASQUERADE chose the address of (its entries go when it goes down). */
  public void masqueradeVia(int ifindex) {
    this.masqueradeIfindex = ifindex;
  }

  /** Whether this connection was masqueraded out of the device {@code ifindex}. */
  public boolean masqueradedVia(int ifindex) {
    return masqueraded && masqueradeIfindex == ifindex;
  }

  /** The protocol state word {@code conntrack -L} prints after the timeout (TCP only). */
  public String stateWord() {
    return tcpState == null ? "" : tcpState.name();
  }

  /** The entry as {@code conntrack -L} prints it at {@code nowNs}. */
  public String line(long nowNs) {
    long second = 1_000_000_000L;
    long left = Math.max(0, (expiresNs - nowNs + second - 1) / second);
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-8s %d %d ", original.protocolName(), original.protocol(), left));
    if (tcpState != null) {
      out.append(tcpState.name()).append(' ');
    }
    out.append(original.describe()).append(' ');
    if (!seenReply) {
      out.append("[UNREPLIED] ");
    }
    out.append(reply.describe()).append(' ');
    if (assured) {
      out.append("[ASSURED] ");
    }
    out.append("mark=").append(Integer.toUnsignedLong(mark)).append(" use=1");
    return out.toString();
  }
}
