package io.packetwalk.stream.protocol;

import java.util.List;

/**
 * WebSocket protocol version 2, as records: everything the browser and the server say to each other
 * over {@code /ws}. docs/protocol.md is the specification; the client's twin is
 * frontend/src/protocol/protocol.ts. Every message on the wire also carries {@code "v": 2} and its
 * {@code "type"} tag, which {@link MessageDecoder} checks and {@link MessageEncoder} writes.
 */
public final class Protocol {

  /** The one protocol version this server speaks. */
  public static final int VERSION = 2;

  private Protocol() {}

  /** A namespace of a host; {@code netns} is {@code ""} for the host's root namespace. */
  public record NamespaceRef(String host, String netns) {}

  // ---- client → server ----

  /** What the browser asks. */
  public sealed interface ClientMessage {

    /** The wire tag of this message. */
    default String type() {
      return switch (this) {
        case Hello h -> "hello";
        case Ping p -> "ping";
        case Command c -> "command";
        case ExportLab e -> "exportLab";
        case Edit e -> "edit";
        case Place p -> "place";
        case Inspect i -> "inspect";
        case Present p -> "present";
        case Follow f -> "follow";
      };
    }
  }

  /**
   * The first message: the session to resume after a reconnect (or null), and what a new session
   * starts from: a saved lab ({@code shared}, docs/sharing.md), else the built-in lab {@code lab}
   * (an id of {@code GET /api/templates}; null: the default).
   */
  public record Hello(SessionToken resume, String lab, SharedRef shared) implements ClientMessage {

    /** A hello that names no saved lab. */
    public Hello(SessionToken resume, String lab) {
      this(resume, lab, null);
    }

    /** A hello that names no lab. */
    public Hello(SessionToken resume) {
      this(resume, null, null);
    }
  }

  /**
   * A saved lab to open: its id, a link secret (a view link opens it read-only), and a version
   * (null: the newest).
   */
  public record SharedRef(String id, String secret, Integer version) {}

  /** Asks for the tab's lab as a lab document (answered by {@link LabDocumentReply}). */
  /**
   * Asks for the tab's lab as a lab document. {@code probes}: the tab's probes, saved with the lab
   * (they replace the ones kept so far); null keeps those.
   */
  public record ExportLab(String requestId, List<SavedProbe> probes) implements ClientMessage {
    public ExportLab {
      probes = probes == null ? null : List.copyOf(probes);
    }
  }

  /**
   * A probe saved with the lab: from a namespace, a ping to {@code ping} or the command line {@code
   * run} (exactly one of the two is set).
   */
  public record SavedProbe(NamespaceRef from, String ping, String run) {}

  /** A lab's session: its id and the secret that proves the tab owns it. */
  public record SessionToken(String id, String secret) {}

  /** Ping {@code to} from a namespace {@code count} times (1..10) and stream the trace. */
  public record Ping(String requestId, NamespaceRef from, String to, int count)
      implements ClientMessage {

    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 10;
    public static final int DEFAULT_COUNT = 1;
  }

  /** Run one shell line in a namespace. */
  public record Command(String requestId, NamespaceRef netns, String line)
      implements ClientMessage {}

  /**
   * An edit made on the canvas, as the shell lines that carry it out, run in order as one batch:
   * all of them or none ({@link EditResult}). {@code label} says what the person did ({@code
   * deleted ns2}); the command log shows it above the lines.
   */
  public record Edit(String requestId, String label, List<EditCommand> commands)
      implements ClientMessage {

    /** The most lines one edit may hold. */
    public static final int MAX_COMMANDS = 64;

    /** The longest label, in characters. */
    public static final int MAX_LABEL_CHARS = 200;

    public Edit {
      commands = List.copyOf(commands);
    }
  }

  /** One line of an edit, and the namespace it runs in. */
  public record EditCommand(NamespaceRef netns, String line) {}

  /**
   * Where the person put namespace boxes on the canvas (canvas coordinates of each box's centre);
   * the lab keeps them, a later {@link Welcome} carries them back. No answer.
   */
  public record Place(List<Position> positions) implements ClientMessage {

    /** The most positions one message, and one lab, may hold. */
    public static final int MAX_POSITIONS = 5_000;

    public Place {
      positions = List.copyOf(positions);
    }
  }

  /** A namespace box's centre on the canvas. */
  public record Position(String host, String netns, double x, double y) {}

  /** Ask for a namespace's state tables as they are now (answered with {@link NamespaceState}). */
  public record Inspect(String requestId, NamespaceRef netns) implements ClientMessage {}

  /**
   * In a live lab opened by an edit link: the presenter is on step {@code step} (0-based, -1 before
   * the first) of trace {@code trace} (the request id the trace came under); a null trace stops
   * presenting. Followers' players move there ({@link PresenterStep}). No answer.
   */
  public record Present(String trace, int step) implements ClientMessage {

    /** The highest step index a presenter may name (traces keep fewer steps). */
    public static final int MAX_STEP = 1_000_000;
  }

  /** In a live lab: whether this tab's player follows the presenter. No answer. */
  public record Follow(boolean following) implements ClientMessage {}

  /** The message types a client may send, in the order error messages list them. */
  public static final List<String> CLIENT_TYPES =
      List.of(
          "hello", "ping", "command", "exportLab", "edit", "place", "inspect", "present", "follow");

  // ---- server → client ----

  /** What the server says. */
  public sealed interface ServerMessage {

    /** The wire tag of this message. */
    default String type() {
      return switch (this) {
        case Welcome w -> "welcome";
        case TopologyChange t -> "topologyChange";
        case TraceStart s -> "traceStart";
        case TraceStep s -> "traceStep";
        case TraceEnd e -> "traceEnd";
        case CommandResult r -> "commandResult";
        case EditResult r -> "editResult";
        case NamespaceState n -> "namespaceState";
        case Error e -> "error";
        case LabDocumentReply d -> "labDocument";
        case LiveEdit e -> "liveEdit";
        case PresenterStep p -> "presenterStep";
      };
    }
  }

  /**
   * The answer to {@link Hello}: the lab as it is now, the session the tab keeps for a reconnect,
   * whether an earlier lab was resumed, when a resume was asked for and did not happen, why, and
   * whether the lab is live (null: it is the tab's own).
   */
  public record Welcome(
      int protocolVersion,
      String labName,
      TopologyView topology,
      SessionToken session,
      boolean resumed,
      String notice,
      List<Position> layout,
      List<SavedProbe> probes,
      LiveInfo live)
      implements ServerMessage {
    public Welcome {
      layout = List.copyOf(layout);
      probes = List.copyOf(probes);
    }

    /** The welcome of a tab's own lab (not a live one). */
    public Welcome(
        int protocolVersion,
        String labName,
        TopologyView topology,
        SessionToken session,
        boolean resumed,
        String notice,
        List<Position> layout,
        List<SavedProbe> probes) {
      this(protocolVersion, labName, topology, session, resumed, notice, layout, probes, null);
    }
  }

  /**
   * What a command changed in the topology: removals, then additions and device updates, applied in
   * that order (docs/protocol.md); links compare by value and their order does not matter. {@code
   * switches} is the whole underlay when it changed, else null.
   */
  public record TopologyChange(
      List<String> hostsRemoved,
      List<String> hostsAdded,
      List<NamespaceRef> namespacesRemoved,
      List<NamespaceAdded> namespacesAdded,
      List<DeviceRef> devicesRemoved,
      List<DeviceUpsert> devicesUpserted,
      List<LinkView> linksRemoved,
      List<LinkView> linksAdded,
      List<SwitchView> switches)
      implements ServerMessage {
    public TopologyChange {
      hostsRemoved = List.copyOf(hostsRemoved);
      hostsAdded = List.copyOf(hostsAdded);
      namespacesRemoved = List.copyOf(namespacesRemoved);
      namespacesAdded = List.copyOf(namespacesAdded);
      devicesRemoved = List.copyOf(devicesRemoved);
      devicesUpserted = List.copyOf(devicesUpserted);
      linksRemoved = List.copyOf(linksRemoved);
      linksAdded = List.copyOf(linksAdded);
      switches = switches == null ? null : List.copyOf(switches);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
      return hostsRemoved.isEmpty()
          && hostsAdded.isEmpty()
          && namespacesRemoved.isEmpty()
          && namespacesAdded.isEmpty()
          && devicesRemoved.isEmpty()
          && devicesUpserted.isEmpty()
          && linksRemoved.isEmpty()
          && linksAdded.isEmpty()
          && switches == null;
    }
  }

  /** A namespace added to a host (appended, without devices: they come as upserts). */
  public record NamespaceAdded(String host, String netns, boolean root) {}

  /** A device added to a namespace or changed in place. */
  public record DeviceUpsert(String host, String netns, DeviceView device) {}

  /** A trace begins; its steps follow in order. */
  public record TraceStart(String requestId, String title) implements ServerMessage {}

  /** One step of the trace that {@link TraceStart} began. */
  public record TraceStep(String requestId, StepView step) implements ServerMessage {}

  /**
   * The trace is complete: how many steps were sent, how many happened after the kept-step limit
   * and were not sent, how the program ended, and which run limit stopped it (or null).
   */
  public record TraceEnd(
      String requestId, int stepCount, int omittedSteps, String outcome, int exit, String stopped)
      implements ServerMessage {}

  /** What a {@link Command} printed and returned, and which run limit stopped it (or null). */
  public record CommandResult(
      String requestId, int exit, String stdout, String stderr, String stopped)
      implements ServerMessage {}

  /**
   * What became of an {@link Edit}: {@code applied} when every line succeeded (a {@link
   * TopologyChange} follows), else the world is as it was before the edit and {@code error} is the
   * refusing line's error text. {@code commands} are the lines run, up to the one refused; {@code
   * undo} the lines that reverse an applied edit (empty for a refused one).
   */
  public record EditResult(
      String requestId,
      String label,
      boolean applied,
      List<EditOutcome> commands,
      List<EditCommand> undo,
      String error)
      implements ServerMessage {
    public EditResult {
      commands = List.copyOf(commands);
      undo = List.copyOf(undo);
    }
  }

  /** One line of an edit and what it printed and returned. */
  public record EditOutcome(
      NamespaceRef netns, String line, int exit, String stdout, String stderr) {}

  /**
   * A namespace's state tables as they are now, the answer to {@link Inspect}: its routes ({@code
   * ip route} lines, without the local table), neighbour, FDB and conntrack entries and rule
   * counters keyed as trace state changes key them, and its rules in {@code iptables-save} form.
   */
  public record NamespaceState(
      String requestId,
      NamespaceRef netns,
      List<String> routes,
      List<StateEntry> neighbours,
      List<StateEntry> fdb,
      List<StateEntry> conntrack,
      List<StateEntry> counters,
      String iptablesSave,
      List<String> addresses,
      List<String> sysctls)
      implements ServerMessage {
    public NamespaceState {
      addresses = List.copyOf(addresses);
      sysctls = List.copyOf(sysctls);
      routes = List.copyOf(routes);
      neighbours = List.copyOf(neighbours);
      fdb = List.copyOf(fdb);
      conntrack = List.copyOf(conntrack);
      counters = List.copyOf(counters);
    }
  }

  /**
   * One entry of a state table: {@code key} and {@code text} are what a state change of its kind
   * names as key and before/after; {@code device} is the bridge of an FDB entry, else null.
   */
  public record StateEntry(String device, String key, String text) {}

  /** A request could not be served; {@code requestId} is null when it could not be read. */
  public record Error(String requestId, ErrorReason reason, String message)
      implements ServerMessage {}

  /** The tab's lab as lab document JSON text (docs/lab-format.md), answering {@link ExportLab}. */
  public record LabDocumentReply(String requestId, String document) implements ServerMessage {}

  /**
   * A live lab: every tab on the saved lab's links shares one world (docs/protocol.md, "Live
   * labs"); {@code canEdit} is false for a view link.
   */
  public record LiveInfo(String labId, boolean canEdit) {}

  /**
   * Someone else changed the live lab: entry {@code seq} of its edit log, what they did and the
   * lines that did it with their results. A {@link TopologyChange} follows when the topology
   * changed.
   */
  public record LiveEdit(long seq, String label, List<EditOutcome> commands)
      implements ServerMessage {
    public LiveEdit {
      commands = List.copyOf(commands);
    }
  }

  /**
   * The presenter is on step {@code step} of trace {@code trace}, whose traceStart, steps and
   * traceEnd this follower was sent first (under that request id).
   */
  public record PresenterStep(String trace, int step) implements ServerMessage {}

  /** Why a request failed. The connection stays open after every one of them. */
  public enum ErrorReason {
    /** The message is not one JSON object. */
    MALFORMED_JSON,
    /** A field the message type requires is absent. */
    MISSING_FIELD,
    /** A field has the wrong JSON type or a value out of range. */
    INVALID_FIELD,
    /** The {@code type} tag names no message this server knows. */
    UNKNOWN_TYPE,
    /** The message speaks another protocol version. */
    VERSION_MISMATCH,
    /** The message is longer than the server accepts. */
    MESSAGE_TOO_LARGE,
    /** The namespace reference names no host or namespace of the lab. */
    UNKNOWN_NAMESPACE,
    /** The simulator could not complete the request. */
    SIMULATION_FAILED,
    /** Every simulation slot of the server is taken; try again in a few seconds. */
    SERVER_BUSY,
    /** The lab reached its size limit, or the server its memory budget for labs. */
    LAB_TOO_LARGE,
    /** The lab was opened by a saved lab's view link: it can be probed, not changed. */
    READ_ONLY
  }

  // ---- topology ----

  /** Every host with its namespaces and devices, and the links between devices. */
  public record TopologyView(
      List<HostView> hosts, List<LinkView> links, List<SwitchView> switches) {
    public TopologyView {
      hosts = List.copyOf(hosts);
      links = List.copyOf(links);
      switches = List.copyOf(switches);
    }
  }

  /**
   * One underlay switch and the physical NICs plugged into it, one cable each, in the order they
   * were plugged in.
   */
  public record SwitchView(String name, List<DeviceRef> ports) {
    public SwitchView {
      ports = List.copyOf(ports);
    }
  }

  /** One host (one kernel): its root namespace first, then the named ones. */
  public record HostView(String name, List<NamespaceView> namespaces) {
    public HostView {
      namespaces = List.copyOf(namespaces);
    }
  }

  /** One namespace and its devices in ifindex order. */
  public record NamespaceView(String name, boolean root, List<DeviceView> devices) {
    public NamespaceView {
      devices = List.copyOf(devices);
    }
  }

  /**
   * One device. {@code kind} is {@code loopback}, {@code veth}, {@code bridge}, {@code dummy} or
   * {@code physical}; {@code master} names the bridge of a bridge port, else null.
   */
  public record DeviceView(
      String name,
      int ifindex,
      String kind,
      String mac,
      int mtu,
      boolean up,
      boolean carrier,
      String master,
      List<String> addresses) {
    public DeviceView {
      addresses = List.copyOf(addresses);
    }
  }

  /**
   * A link: {@code veth} (the two ends), {@code bridge-port} (a = the port, b = the bridge) or
   * {@code lower} (a = a stacked device such as a macvlan, b = the device it sits on).
   */
  public record LinkView(String kind, DeviceRef a, DeviceRef b) {}

  /** A device by host, namespace and name. */
  public record DeviceRef(String host, String netns, String device) {}

  // ---- trace steps ----

  /**
   * One trace step. {@code kind} is a {@code StepKind} name and {@code disposition} a {@code
   * Disposition} name (null unless a packet's life ends here); {@code headers} are outermost first.
   */
  public record StepView(
      int seq,
      Integer causeSeq,
      long timeNs,
      LocationView location,
      String kind,
      String sentence,
      List<Header> headers,
      String disposition,
      List<StateChangeView> changes,
      List<String> details) {
    public StepView {
      headers = List.copyOf(headers);
      changes = List.copyOf(changes);
      details = List.copyOf(details);
    }
  }

  /**
   * Where a step happened; {@code device} is null for a namespace-level step, {@code netfilter}
   * null (and left out) unless the step happened inside netfilter.
   */
  public record LocationView(String host, String netns, String device, NetfilterView netfilter) {

    public LocationView(String host, String netns, String device) {
      this(host, netns, device, null);
    }
  }

  /** A place in netfilter: hook, and table, chain, rule number and text where known. */
  public record NetfilterView(
      String hook, String table, String chain, Integer rule, String ruleText) {}

  /**
   * A state change a step made: {@code kind} is neighbour, fdb, conntrack or counter; {@code
   * before} null for a new entry, {@code after} null for a removed one.
   */
  public record StateChangeView(
      String kind, LocationView where, String key, String before, String after) {}

  /**
   * One protocol header of the packet after a step; the wire tag is its {@code layer}. {@code
   * depth} is 0 for the outermost packet and one more inside each tunnel (the frame a VXLAN header
   * wraps, the packet a flannel UDP datagram carries); the wire leaves it out when 0.
   */
  public sealed interface Header {

    /** How many encapsulations this header lies inside. */
    int depth();

    /** The wire tag of this header. */
    default String layer() {
      return switch (this) {
        case EthernetHeader e -> "ethernet";
        case VlanHeader v -> "vlan";
        case ArpHeader a -> "arp";
        case Ipv4Header i -> "ipv4";
        case IcmpHeader i -> "icmp";
        case UdpHeader u -> "udp";
        case TcpHeader t -> "tcp";
        case VxlanHeader v -> "vxlan";
      };
    }
  }

  /**
   * {@code etherType} is {@code ARP}, {@code IPv4}, or {@code 802.1Q} when a vlan layer follows.
   */
  public record EthernetHeader(String src, String dst, String etherType, int depth)
      implements Header {

    public EthernetHeader(String src, String dst, String etherType) {
      this(src, dst, etherType, 0);
    }
  }

  /** An 802.1Q tag: VLAN id, priority, drop-eligible bit, and the EtherType after the tag. */
  public record VlanHeader(int vid, int pcp, boolean dei, String etherType, int depth)
      implements Header {}

  /** {@code op} is {@code request} or {@code reply}. */
  public record ArpHeader(
      String op, String senderMac, String senderIp, String targetMac, String targetIp, int depth)
      implements Header {

    public ArpHeader(
        String op, String senderMac, String senderIp, String targetMac, String targetIp) {
      this(op, senderMac, senderIp, targetMac, targetIp, 0);
    }
  }

  /** {@code protocol} is {@code ICMP}, {@code UDP} or {@code TCP}. */
  public record Ipv4Header(
      String src, String dst, int ttl, String protocol, int id, int totalLength, int depth)
      implements Header {

    public Ipv4Header(String src, String dst, int ttl, String protocol, int id, int totalLength) {
      this(src, dst, ttl, protocol, id, totalLength, 0);
    }
  }

  /** {@code description} is the learner's name for the type, e.g. {@code echo request}. */
  public record IcmpHeader(
      int icmpType, int code, String description, int id, int sequence, int depth)
      implements Header {

    public IcmpHeader(int icmpType, int code, String description, int id, int sequence) {
      this(icmpType, code, description, id, sequence, 0);
    }
  }

  /** A UDP header; {@code length} counts the 8 header bytes and the data. */
  public record UdpHeader(int srcPort, int dstPort, int length, int depth) implements Header {

    public UdpHeader(int srcPort, int dstPort, int length) {
      this(srcPort, dstPort, length, 0);
    }
  }

  /** {@code flags} in tcpdump letters, e.g. {@code S}, {@code S.}, {@code R.}. */
  public record TcpHeader(int srcPort, int dstPort, String flags, int depth) implements Header {

    public TcpHeader(int srcPort, int dstPort, String flags) {
      this(srcPort, dstPort, flags, 0);
    }
  }

  /** A VXLAN header: {@code flags} (0x08, "VNI valid") and the 24-bit {@code vni}. */
  public record VxlanHeader(int flags, int vni, int depth) implements Header {}
}
