package io.packetwalk.stream.protocol;

import io.packetwalk.stream.protocol.Protocol.ArpHeader;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.DeviceRef;
import io.packetwalk.stream.protocol.Protocol.DeviceUpsert;
import io.packetwalk.stream.protocol.Protocol.DeviceView;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.EthernetHeader;
import io.packetwalk.stream.protocol.Protocol.Header;
import io.packetwalk.stream.protocol.Protocol.HostView;
import io.packetwalk.stream.protocol.Protocol.IcmpHeader;
import io.packetwalk.stream.protocol.Protocol.Ipv4Header;
import io.packetwalk.stream.protocol.Protocol.LabDocumentReply;
import io.packetwalk.stream.protocol.Protocol.LinkView;
import io.packetwalk.stream.protocol.Protocol.LocationView;
import io.packetwalk.stream.protocol.Protocol.NamespaceAdded;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.NamespaceState;
import io.packetwalk.stream.protocol.Protocol.NamespaceView;
import io.packetwalk.stream.protocol.Protocol.NetfilterView;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.StateChangeView;
import io.packetwalk.stream.protocol.Protocol.StateEntry;
import io.packetwalk.stream.protocol.Protocol.StepView;
import io.packetwalk.stream.protocol.Protocol.SwitchView;
import io.packetwalk.stream.protocol.Protocol.TcpHeader;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.Protocol.UdpHeader;
import io.packetwalk.stream.protocol.Protocol.VlanHeader;
import io.packetwalk.stream.protocol.Protocol.VxlanHeader;
import io.packetwalk.stream.protocol.Protocol.Welcome;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes server messages as the JSON docs/protocol.md specifies: {@code v} and {@code type} first,
 * then the fields in the documented order, with nulls written out.
 */
public final class MessageEncoder {

  private final JsonMapper mapper = JsonMapper.builder().build();

  /** One message as one line of JSON text. */
  public String encode(ServerMessage message) {
    ObjectNode node = mapper.createObjectNode();
    node.put("v", Protocol.VERSION);
    node.put("type", message.type());
    switch (message) {
      case Welcome w -> {
        node.put("protocolVersion", w.protocolVersion());
        node.put("labName", w.labName());
        node.set("topology", topology(w.topology()));
        ObjectNode session = node.putObject("session");
        session.put("id", w.session().id());
        session.put("secret", w.session().secret());
        node.put("resumed", w.resumed());
        node.put("notice", w.notice());
        ArrayNode layout = node.putArray("layout");
        for (Protocol.Position p : w.layout()) {
          ObjectNode position = layout.addObject();
          position.put("host", p.host());
          position.put("netns", p.netns());
          position.put("x", p.x());
          position.put("y", p.y());
        }
        ArrayNode probes = node.putArray("probes");
        for (Protocol.SavedProbe p : w.probes()) {
          ObjectNode probe = probes.addObject();
          ObjectNode from = probe.putObject("from");
          from.put("host", p.from().host());
          from.put("netns", p.from().netns());
          if (p.ping() != null) {
            probe.put("ping", p.ping());
          } else {
            probe.put("run", p.run());
          }
        }
        if (w.live() == null) {
          node.putNull("live");
        } else {
          ObjectNode live = node.putObject("live");
          live.put("labId", w.live().labId());
          live.put("canEdit", w.live().canEdit());
        }
      }
      case TopologyChange c -> topologyChange(node, c);
      case TraceStart s -> {
        node.put("requestId", s.requestId());
        node.put("title", s.title());
      }
      case TraceStep s -> {
        node.put("requestId", s.requestId());
        node.set("step", step(s.step()));
      }
      case TraceEnd e -> {
        node.put("requestId", e.requestId());
        node.put("stepCount", e.stepCount());
        node.put("omittedSteps", e.omittedSteps());
        node.put("outcome", e.outcome());
        node.put("exit", e.exit());
        node.put("stopped", e.stopped());
      }
      case CommandResult r -> {
        node.put("requestId", r.requestId());
        node.put("exit", r.exit());
        node.put("stdout", r.stdout());
        node.put("stderr", r.stderr());
        node.put("stopped", r.stopped());
      }
      case EditResult r -> editResult(node, r);
      case NamespaceState n -> namespaceState(node, n);
      case Protocol.Error e -> {
        node.put("requestId", e.requestId());
        node.put("reason", e.reason().name());
        node.put("message", e.message());
      }
      case LabDocumentReply d -> {
        node.put("requestId", d.requestId());
        node.put("document", d.document());
      }
      case Protocol.LiveEdit e -> {
        node.put("seq", e.seq());
        node.put("label", e.label());
        node.set("commands", outcomes(e.commands()));
      }
      case Protocol.PresenterStep p -> {
        node.put("trace", p.trace());
        node.put("step", p.step());
      }
    }
    return mapper.writeValueAsString(node);
  }

  private void editResult(ObjectNode node, EditResult result) {
    node.put("requestId", result.requestId());
    node.put("label", result.label());
    node.put("applied", result.applied());
    node.set("commands", outcomes(result.commands()));
    ArrayNode undo = node.putArray("undo");
    for (Protocol.EditCommand command : result.undo()) {
      ObjectNode line = undo.addObject();
      line.set("netns", netns(command.netns()));
      line.put("line", command.line());
    }
    node.put("error", result.error());
  }

  private ArrayNode outcomes(List<Protocol.EditOutcome> outcomes) {
    ArrayNode commands = mapper.createArrayNode();
    for (Protocol.EditOutcome outcome : outcomes) {
      ObjectNode command = commands.addObject();
      command.set("netns", netns(outcome.netns()));
      command.put("line", outcome.line());
      command.put("exit", outcome.exit());
      command.put("stdout", outcome.stdout());
      command.put("stderr", outcome.stderr());
    }
    return commands;
  }

  private ObjectNode netns(Protocol.NamespaceRef ref) {
    ObjectNode node = mapper.createObjectNode();
    node.put("host", ref.host());
    node.put("netns", ref.netns());
    return node;
  }

  private void namespaceState(ObjectNode node, NamespaceState state) {
    node.put("requestId", state.requestId());
    ObjectNode ref = node.putObject("netns");
    ref.put("host", state.netns().host());
    ref.put("netns", state.netns().netns());
    ArrayNode routes = node.putArray("routes");
    state.routes().forEach(routes::add);
    node.set("neighbours", entries(state.neighbours()));
    node.set("fdb", entries(state.fdb()));
    node.set("conntrack", entries(state.conntrack()));
    node.set("counters", entries(state.counters()));
    node.put("iptablesSave", state.iptablesSave());
    ArrayNode addresses = node.putArray("addresses");
    state.addresses().forEach(addresses::add);
    ArrayNode sysctls = node.putArray("sysctls");
    state.sysctls().forEach(sysctls::add);
  }

  private ArrayNode entries(List<StateEntry> entries) {
    ArrayNode array = mapper.createArrayNode();
    for (StateEntry entry : entries) {
      ObjectNode item = array.addObject();
      item.put("device", entry.device());
      item.put("key", entry.key());
      item.put("text", entry.text());
    }
    return array;
  }

  private void topologyChange(ObjectNode node, TopologyChange change) {
    ArrayNode hostsRemoved = node.putArray("hostsRemoved");
    change.hostsRemoved().forEach(hostsRemoved::add);
    ArrayNode hostsAdded = node.putArray("hostsAdded");
    change.hostsAdded().forEach(hostsAdded::add);
    ArrayNode namespacesRemoved = node.putArray("namespacesRemoved");
    for (NamespaceRef ns : change.namespacesRemoved()) {
      ObjectNode ref = namespacesRemoved.addObject();
      ref.put("host", ns.host());
      ref.put("netns", ns.netns());
    }
    ArrayNode namespacesAdded = node.putArray("namespacesAdded");
    for (NamespaceAdded ns : change.namespacesAdded()) {
      ObjectNode added = namespacesAdded.addObject();
      added.put("host", ns.host());
      added.put("netns", ns.netns());
      added.put("root", ns.root());
    }
    ArrayNode devicesRemoved = node.putArray("devicesRemoved");
    change.devicesRemoved().forEach(ref -> devicesRemoved.add(deviceRef(ref)));
    ArrayNode devicesUpserted = node.putArray("devicesUpserted");
    for (DeviceUpsert upsert : change.devicesUpserted()) {
      ObjectNode entry = devicesUpserted.addObject();
      entry.put("host", upsert.host());
      entry.put("netns", upsert.netns());
      entry.set("device", device(upsert.device()));
    }
    ArrayNode linksRemoved = node.putArray("linksRemoved");
    change.linksRemoved().forEach(link -> linksRemoved.add(link(link)));
    ArrayNode linksAdded = node.putArray("linksAdded");
    change.linksAdded().forEach(link -> linksAdded.add(link(link)));
    if (change.switches() != null) {
      node.set("switches", switches(change.switches()));
    }
  }

  private ArrayNode switches(List<SwitchView> switches) {
    ArrayNode array = mapper.createArrayNode();
    for (SwitchView sw : switches) {
      ObjectNode switchNode = array.addObject();
      switchNode.put("name", sw.name());
      ArrayNode ports = switchNode.putArray("ports");
      sw.ports().forEach(port -> ports.add(deviceRef(port)));
    }
    return array;
  }

  private ObjectNode link(LinkView link) {
    ObjectNode linkNode = mapper.createObjectNode();
    linkNode.put("kind", link.kind());
    linkNode.set("a", deviceRef(link.a()));
    linkNode.set("b", deviceRef(link.b()));
    return linkNode;
  }

  private ObjectNode topology(TopologyView topology) {
    ObjectNode node = mapper.createObjectNode();
    ArrayNode hosts = node.putArray("hosts");
    for (HostView host : topology.hosts()) {
      ObjectNode hostNode = hosts.addObject();
      hostNode.put("name", host.name());
      ArrayNode namespaces = hostNode.putArray("namespaces");
      for (NamespaceView ns : host.namespaces()) {
        ObjectNode nsNode = namespaces.addObject();
        nsNode.put("name", ns.name());
        nsNode.put("root", ns.root());
        ArrayNode devices = nsNode.putArray("devices");
        ns.devices().forEach(device -> devices.add(device(device)));
      }
    }
    ArrayNode links = node.putArray("links");
    topology.links().forEach(link -> links.add(link(link)));
    node.set("switches", switches(topology.switches()));
    return node;
  }

  private ObjectNode device(DeviceView device) {
    ObjectNode node = mapper.createObjectNode();
    node.put("name", device.name());
    node.put("ifindex", device.ifindex());
    node.put("kind", device.kind());
    node.put("mac", device.mac());
    node.put("mtu", device.mtu());
    node.put("up", device.up());
    node.put("carrier", device.carrier());
    node.put("master", device.master());
    ArrayNode addresses = node.putArray("addresses");
    device.addresses().forEach(addresses::add);
    return node;
  }

  private ObjectNode deviceRef(DeviceRef ref) {
    ObjectNode node = mapper.createObjectNode();
    node.put("host", ref.host());
    node.put("netns", ref.netns());
    node.put("device", ref.device());
    return node;
  }

  private ObjectNode step(StepView step) {
    ObjectNode node = mapper.createObjectNode();
    node.put("seq", step.seq());
    node.put("causeSeq", step.causeSeq());
    node.put("timeNs", step.timeNs());
    node.set("location", location(step.location()));
    node.put("kind", step.kind());
    node.put("sentence", step.sentence());
    ArrayNode headers = node.putArray("headers");
    step.headers().forEach(header -> headers.add(header(header)));
    node.put("disposition", step.disposition());
    if (!step.changes().isEmpty()) {
      ArrayNode changes = node.putArray("changes");
      for (StateChangeView change : step.changes()) {
        ObjectNode item = changes.addObject();
        item.put("kind", change.kind());
        item.set("where", location(change.where()));
        item.put("key", change.key());
        item.put("before", change.before());
        item.put("after", change.after());
      }
    }
    if (!step.details().isEmpty()) {
      ArrayNode details = node.putArray("details");
      step.details().forEach(details::add);
    }
    return node;
  }

  /** A location; {@code netfilter} is written only when the step happened in netfilter. */
  private ObjectNode location(LocationView location) {
    ObjectNode node = mapper.createObjectNode();
    node.put("host", location.host());
    node.put("netns", location.netns());
    node.put("device", location.device());
    NetfilterView place = location.netfilter();
    if (place != null) {
      ObjectNode netfilter = node.putObject("netfilter");
      netfilter.put("hook", place.hook());
      putIfPresent(netfilter, "table", place.table());
      putIfPresent(netfilter, "chain", place.chain());
      if (place.rule() != null) {
        netfilter.put("rule", place.rule());
      }
      putIfPresent(netfilter, "ruleText", place.ruleText());
    }
    return node;
  }

  private static void putIfPresent(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private ObjectNode header(Header header) {
    ObjectNode node = mapper.createObjectNode();
    node.put("layer", header.layer());
    if (header.depth() > 0) {
      node.put("depth", header.depth());
    }
    switch (header) {
      case EthernetHeader e -> {
        node.put("src", e.src());
        node.put("dst", e.dst());
        node.put("etherType", e.etherType());
      }
      case VlanHeader v -> {
        node.put("vid", v.vid());
        node.put("pcp", v.pcp());
        node.put("dei", v.dei());
        node.put("etherType", v.etherType());
      }
      case ArpHeader a -> {
        node.put("op", a.op());
        node.put("senderMac", a.senderMac());
        node.put("senderIp", a.senderIp());
        node.put("targetMac", a.targetMac());
        node.put("targetIp", a.targetIp());
      }
      case Ipv4Header i -> {
        node.put("src", i.src());
        node.put("dst", i.dst());
        node.put("ttl", i.ttl());
        node.put("protocol", i.protocol());
        node.put("id", i.id());
        node.put("totalLength", i.totalLength());
      }
      case IcmpHeader i -> {
        node.put("icmpType", i.icmpType());
        node.put("code", i.code());
        node.put("description", i.description());
        node.put("id", i.id());
        node.put("sequence", i.sequence());
      }
      case UdpHeader u -> {
        node.put("srcPort", u.srcPort());
        node.put("dstPort", u.dstPort());
        node.put("length", u.length());
      }
      case TcpHeader t -> {
        node.put("srcPort", t.srcPort());
        node.put("dstPort", t.dstPort());
        node.put("flags", t.flags());
      }
      case VxlanHeader v -> {
        node.put("flags", v.flags());
        node.put("vni", v.vni());
      }
    }
    return node;
  }
}
