package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Protocol v1 end to end: a real server on a random port and a plain JDK WebSocket client. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabWebSocketTest {

  @Value("${local.server.port}")
  int port;

  private LabSocketClient client;

  @BeforeEach
  void connect() {
    client = new LabSocketClient(port);
  }

  @AfterEach
  void disconnect() {
    client.close();
  }

  @Test
  void helloIsAnsweredWithTheLabTopology() throws Exception {
    client.send("{\"v\":2,\"type\":\"hello\"}");
    JsonNode welcome = client.next("welcome");
    assertThat(welcome.get("v").intValue()).isEqualTo(2);
    assertThat(welcome.get("protocolVersion").intValue()).isEqualTo(2);
    assertThat(welcome.get("labName").stringValue()).isEqualTo("Two namespaces and a veth pair");

    JsonNode host = welcome.at("/topology/hosts/0");
    assertThat(host.get("name").stringValue()).isEqualTo("host1");
    assertThat(names(host.get("namespaces"))).containsExactly("", "ns1", "ns2");
    JsonNode veth1 = device(host, "ns1", "veth1");
    assertThat(veth1.get("kind").stringValue()).isEqualTo("veth");
    assertThat(veth1.get("mac").stringValue()).isEqualTo("02:00:00:00:00:01");
    assertThat(veth1.get("up").booleanValue()).isTrue();
    assertThat(veth1.get("carrier").booleanValue()).isTrue();
    assertThat(veth1.get("addresses").get(0).stringValue()).isEqualTo("10.0.0.1/24");
    assertThat(device(host, "ns2", "veth2").get("addresses").get(0).stringValue())
        .isEqualTo("10.0.0.2/24");
    assertThat(device(host, "ns1", "lo").get("up").booleanValue()).isTrue();

    JsonNode links = welcome.at("/topology/links");
    assertThat(links).hasSize(1);
    assertThat(links.get(0).get("kind").stringValue()).isEqualTo("veth");
    assertThat(links.get(0).get("a").toString())
        .isEqualTo("{\"host\":\"host1\",\"netns\":\"ns1\",\"device\":\"veth1\"}");
    assertThat(links.get(0).get("b").toString())
        .isEqualTo("{\"host\":\"host1\",\"netns\":\"ns2\",\"device\":\"veth2\"}");
  }

  @Test
  void helloCanNameTheBuiltInLabToStartFromAndAnUnknownOneGetsTheDefaultWithANotice()
      throws Exception {
    client.send("{\"v\":2,\"type\":\"hello\",\"lab\":\"two-namespaces\"}");
    JsonNode chosen = client.next("welcome");
    assertThat(chosen.get("labName").stringValue()).isEqualTo("Two namespaces and a veth pair");
    assertThat(chosen.get("notice").isNull()).isTrue();

    try (LabSocketClient other = new LabSocketClient(port)) {
      other.send("{\"v\":2,\"type\":\"hello\",\"lab\":\"no-such-lab\"}");
      JsonNode fallback = other.next("welcome");
      assertThat(fallback.get("labName").stringValue()).isEqualTo("Two namespaces and a veth pair");
      assertThat(fallback.get("notice").stringValue())
          .isEqualTo(
              "There is no built-in lab \"no-such-lab\" (GET /api/templates lists them); this is"
                  + " the default lab.");

      other.send("{\"v\":2,\"type\":\"hello\",\"lab\":\"../etc\"}");
      JsonNode refused = other.next("error");
      assertThat(refused.get("message").stringValue())
          .startsWith("\"lab\" in the hello message must be a built-in lab's id");
    }
  }

  @Test
  void theBuiltInLabsAreListedWithTheirNamesAndDescriptions() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/templates"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode first = new ObjectMapper().readTree(response.body()).get(0);
    assertThat(first.get("id").stringValue()).isEqualTo("two-namespaces");
    assertThat(first.get("name").stringValue()).isEqualTo("Two namespaces and a veth pair");
    assertThat(first.get("description").stringValue()).startsWith("ns1 and ns2 joined by veth1");
  }

  @Test
  void pingStreamsATraceWhereArpCrossesTheWireBeforeTheFirstEchoRequest() throws Exception {
    client.send(
        "{\"v\":2,\"type\":\"ping\",\"requestId\":\"r1\","
            + "\"from\":{\"host\":\"host1\",\"netns\":\"ns1\"},\"to\":\"10.0.0.2\",\"count\":1}");
    JsonNode start = client.next("traceStart");
    assertThat(start.get("requestId").stringValue()).isEqualTo("r1");
    assertThat(start.get("title").stringValue()).isEqualTo("ping -c 1 10.0.0.2 from ns1");

    List<JsonNode> steps = new ArrayList<>();
    JsonNode message = client.next();
    while (message.get("type").stringValue().equals("traceStep")) {
      assertThat(message.get("requestId").stringValue()).isEqualTo("r1");
      steps.add(message.get("step"));
      message = client.next();
    }
    assertThat(message.get("type").stringValue()).isEqualTo("traceEnd");
    assertThat(message.get("requestId").stringValue()).isEqualTo("r1");
    assertThat(message.get("exit").intValue()).isZero();
    assertThat(message.get("outcome").stringValue())
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(message.get("stepCount").intValue()).isEqualTo(steps.size());

    assertThat(steps).isNotEmpty();
    for (int i = 1; i < steps.size(); i++) {
      assertThat(steps.get(i).get("seq").intValue())
          .isGreaterThan(steps.get(i - 1).get("seq").intValue());
    }
    int arpRequest = firstIndexOfKind(steps, "ARP_REQUEST_SENT");
    int arpReply = firstIndexOfKind(steps, "ARP_REPLY_SENT");
    int echoRequest = firstFrameWithIcmp(steps, "echo request");
    int echoReply = firstFrameWithIcmp(steps, "echo reply");
    assertThat(arpRequest).isNotNegative();
    assertThat(arpReply).isGreaterThan(arpRequest);
    assertThat(echoRequest).isGreaterThan(arpReply);
    assertThat(echoReply).isGreaterThan(echoRequest);
    assertThat(steps.get(arpReply).at("/headers/1/layer").stringValue()).isEqualTo("arp");
    assertThat(steps)
        .anySatisfy(
            step -> assertThat(step.get("disposition").stringValue()).isEqualTo("DELIVERED"));
  }

  @Test
  void commandIsAnsweredWithItsOutputAndAFreshTopologyWhenItChangedSomething() throws Exception {
    client.send(command("c1", "ns1", "ip -br addr"));
    JsonNode listing = client.next("commandResult");
    assertThat(listing.get("requestId").stringValue()).isEqualTo("c1");
    assertThat(listing.get("exit").intValue()).isZero();
    assertThat(listing.get("stdout").stringValue()).contains("veth1").contains("10.0.0.1/24");
    assertThat(listing.get("stderr").stringValue()).isEmpty();

    client.send("{\"v\":2,\"type\":\"hello\"}");
    client.next("welcome");

    client.send(command("c2", "ns1", "ip link set veth1 down"));
    JsonNode down = client.next("commandResult");
    assertThat(down.get("exit").intValue()).isZero();
    JsonNode change = client.next("topologyChange");
    assertThat(change.get("devicesUpserted")).hasSize(2);
    assertThat(upserted(change, "ns1", "veth1").get("up").booleanValue()).isFalse();
    assertThat(upserted(change, "ns2", "veth2").get("carrier").booleanValue()).isFalse();
    assertThat(change.get("linksAdded")).isEmpty();

    client.send(command("c3", "ns1", "ip link set veth1 mtu 99999999"));
    JsonNode refused = client.next("commandResult");
    assertThat(refused.get("exit").intValue()).isNotZero();
    assertThat(refused.get("stderr").stringValue()).isNotEmpty();
  }

  @Test
  void everyProtocolErrorIsAnsweredAndTheConnectionStaysUsable() throws Exception {
    client.send("{not json");
    assertError(client.next("error"), "MALFORMED_JSON", null);

    client.send("{\"v\":2,\"type\":\"teleport\"}");
    JsonNode unknown = client.next("error");
    assertError(unknown, "UNKNOWN_TYPE", null);
    assertThat(unknown.get("message").stringValue())
        .isEqualTo(
            "Unknown message type \"teleport\"; expected one of: hello, ping, command, exportLab, edit, place, inspect, present, follow.");

    client.send("{\"v\":7,\"type\":\"hello\"}");
    JsonNode version = client.next("error");
    assertError(version, "VERSION_MISMATCH", null);
    assertThat(version.get("message").stringValue())
        .contains("protocol version 2")
        .contains("version 7")
        .contains("Reload the page");

    client.send("{\"v\":2,\"type\":\"ping\",\"requestId\":\"r2\",\"to\":\"10.0.0.2\"}");
    assertError(client.next("error"), "MISSING_FIELD", "r2");

    client.send(
        "{\"v\":2,\"type\":\"ping\",\"requestId\":\"r3\","
            + "\"from\":{\"host\":\"host1\",\"netns\":\"ns1\"},\"to\":\"10.0.0.2\",\"count\":99}");
    assertError(client.next("error"), "INVALID_FIELD", "r3");

    client.send(command("r4", "ns9", "ip link"));
    JsonNode namespace = client.next("error");
    assertError(namespace, "UNKNOWN_NAMESPACE", "r4");
    assertThat(namespace.get("message").stringValue()).contains("ns9").contains("ns1, ns2");

    client.send(command("r5", "ns1", "x".repeat(100_000)));
    JsonNode tooLarge = client.next("error");
    assertError(tooLarge, "MESSAGE_TOO_LARGE", null);
    assertThat(tooLarge.get("message").stringValue()).contains("65536");

    client.sendBinary("{\"v\":2,\"type\":\"hello\"}".getBytes(StandardCharsets.UTF_8));
    assertError(client.next("error"), "MALFORMED_JSON", null);

    assertThat(client.isOpen()).isTrue();
    client.send("{\"v\":2,\"type\":\"hello\"}");
    assertThat(client.next("welcome").get("labName").stringValue()).isNotBlank();
  }

  @Test
  void eachConnectionHasItsOwnLab() throws Exception {
    client.send(command("c1", "ns1", "ip link set veth1 down"));
    client.next("commandResult");
    client.next("topologyChange");
    try (LabSocketClient other = new LabSocketClient(port)) {
      other.send("{\"v\":2,\"type\":\"hello\"}");
      JsonNode host = other.next("welcome").at("/topology/hosts/0");
      assertThat(device(host, "ns1", "veth1").get("up").booleanValue()).isTrue();
    }
  }

  private static JsonNode upserted(JsonNode change, String netns, String device) {
    for (JsonNode upsert : change.get("devicesUpserted")) {
      if (upsert.get("netns").stringValue().equals(netns)
          && upsert.at("/device/name").stringValue().equals(device)) {
        return upsert.get("device");
      }
    }
    throw new AssertionError("no upsert of " + device + " in " + netns + ": " + change);
  }

  private static String command(String requestId, String netns, String line) {
    return "{\"v\":2,\"type\":\"command\",\"requestId\":\""
        + requestId
        + "\",\"netns\":{\"host\":\"host1\",\"netns\":\""
        + netns
        + "\"},\"line\":\""
        + line
        + "\"}";
  }

  private static void assertError(JsonNode error, String reason, String requestId) {
    assertThat(error.get("reason").stringValue()).isEqualTo(reason);
    assertThat(error.get("message").stringValue()).isNotBlank();
    if (requestId == null) {
      assertThat(error.get("requestId").isNull()).as("requestId of %s", error).isTrue();
    } else {
      assertThat(error.get("requestId").stringValue()).isEqualTo(requestId);
    }
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get("name").stringValue()));
    return names;
  }

  private static JsonNode device(JsonNode host, String netns, String name) {
    for (JsonNode ns : host.get("namespaces")) {
      if (ns.get("name").stringValue().equals(netns)) {
        for (JsonNode dev : ns.get("devices")) {
          if (dev.get("name").stringValue().equals(name)) {
            return dev;
          }
        }
      }
    }
    throw new AssertionError("no device " + name + " in namespace " + netns + " of " + host);
  }

  private static int firstIndexOfKind(List<JsonNode> steps, String kind) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).get("kind").stringValue().equals(kind)) {
        return i;
      }
    }
    Set<String> kinds = new TreeSet<>();
    steps.forEach(step -> kinds.add(step.get("kind").stringValue()));
    throw new AssertionError("no " + kind + " step; kinds seen: " + kinds);
  }

  /**
   * The first step where an ICMP message of this kind is a frame on a link. ping creates its echo
   * request before ARP runs (the packet waits in the neighbour queue), so the order that matters is
   * on the wire.
   */
  private static int firstFrameWithIcmp(List<JsonNode> steps, String description) {
    for (int i = 0; i < steps.size(); i++) {
      boolean framed = false;
      for (JsonNode header : steps.get(i).get("headers")) {
        String layer = header.get("layer").stringValue();
        framed |= layer.equals("ethernet");
        if (framed
            && layer.equals("icmp")
            && header.get("description").stringValue().equals(description)) {
          return i;
        }
      }
    }
    throw new AssertionError("no frame carries an ICMP " + description);
  }
}
