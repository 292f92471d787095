package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Live labs over the lab protocol on one instance (H2, the in-process bus): tabs on a saved lab's
 * links share one world; an edit from one reaches the others as a command log entry and a topology
 * change; a view link can neither change the lab nor present; a follower is sent the presenter's
 * trace and step.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveLabSocketTest {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void tabsOnOneLinkShareOneWorldAndFollowThePresenter() throws Exception {
    JsonNode created = LiveLabHttp.create(port, LiveLabHttp.builtInDocument(port));
    String id = created.get("id").stringValue();
    String edit = created.get("editSecret").stringValue();
    String view = created.get("viewSecret").stringValue();

    try (LabSocketClient alice = new LabSocketClient(port);
        LabSocketClient bob = new LabSocketClient(port);
        LabSocketClient viewer = new LabSocketClient(port)) {
      alice.send(LiveLabHttp.hello(id, edit));
      assertThat(alice.next("welcome").at("/live/canEdit").booleanValue()).isTrue();
      bob.send(LiveLabHttp.hello(id, edit));
      bob.next("welcome");
      viewer.send(LiveLabHttp.hello(id, view));
      JsonNode viewerWelcome = viewer.next("welcome");
      assertThat(viewerWelcome.at("/live/canEdit").booleanValue()).isFalse();
      assertThat(viewerWelcome.at("/live/labId").stringValue()).isEqualTo(id);

      alice.send(LiveLabHttp.command("r1", "ip netns add together"));
      assertThat(alice.next("commandResult").get("exit").intValue()).isZero();
      assertThat(alice.next("topologyChange").toString()).contains("together");
      for (LabSocketClient other : new LabSocketClient[] {bob, viewer}) {
        JsonNode entry = other.next("liveEdit");
        assertThat(entry.get("label").stringValue()).isEqualTo("ran a command");
        assertThat(entry.at("/commands/0/line").stringValue()).isEqualTo("ip netns add together");
        assertThat(other.next("topologyChange").toString()).contains("together");
      }

      bob.send(
          "{\"v\":2,\"type\":\"edit\",\"requestId\":\"e1\",\"label\":\"deleted together\","
              + "\"commands\":[{\"netns\":{\"host\":\"host1\",\"netns\":\"\"},"
              + "\"line\":\"ip netns del together\"}]}");
      assertThat(bob.next("editResult").get("applied").booleanValue()).isTrue();
      bob.next("topologyChange");
      assertThat(alice.next("liveEdit").get("label").stringValue()).isEqualTo("deleted together");
      assertThat(alice.next("topologyChange").at("/namespacesRemoved/0/netns").stringValue())
          .isEqualTo("together");
      viewer.next("liveEdit");
      viewer.next("topologyChange");

      viewer.send(LiveLabHttp.command("r2", "ip netns add forced"));
      assertThat(viewer.next("error").get("reason").stringValue()).isEqualTo("READ_ONLY");
      viewer.send("{\"v\":2,\"type\":\"present\",\"trace\":\"live:1\",\"step\":0}");
      assertThat(viewer.next("error").get("reason").stringValue()).isEqualTo("READ_ONLY");
      viewer.send(
          "{\"v\":2,\"type\":\"edit\",\"requestId\":\"e2\",\"label\":\"forced\","
              + "\"commands\":[{\"netns\":{\"host\":\"host1\",\"netns\":\"\"},"
              + "\"line\":\"ip netns add forced\"}]}");
      assertThat(viewer.next("error").get("reason").stringValue()).isEqualTo("READ_ONLY");
      viewer.send(
          "{\"v\":2,\"type\":\"place\",\"positions\":[{\"host\":\"host1\","
              + "\"netns\":\"ns1\",\"x\":1,\"y\":2}]}");
      assertThat(viewer.next("error").get("reason").stringValue()).isEqualTo("READ_ONLY");
      alice.send("{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"x1\"}");
      assertThat(alice.next("labDocument").get("document").stringValue())
          .as("nothing a view link sent changed the lab")
          .doesNotContain("forced")
          .doesNotContain("\"layout\"");

      alice.send(
          "{\"v\":2,\"type\":\"ping\",\"requestId\":\"p1\",\"from\":{\"host\":\"host1\","
              + "\"netns\":\"ns1\"},\"to\":\"10.0.0.2\"}");
      assertThat(alice.next("traceStart").get("requestId").stringValue()).isEqualTo("p1");
      JsonNode end = LiveLabHttp.skipTo(alice, "traceEnd");
      int steps = end.get("stepCount").intValue();
      assertThat(steps).isGreaterThan(3);
      alice.send("{\"v\":2,\"type\":\"present\",\"trace\":\"p1\",\"step\":2}");

      JsonNode start = viewer.next("traceStart");
      String trace = start.get("requestId").stringValue();
      assertThat(trace).startsWith("live:");
      assertThat(start.get("title").stringValue()).contains("10.0.0.2");
      JsonNode viewerEnd = LiveLabHttp.skipTo(viewer, "traceEnd");
      assertThat(viewerEnd.get("stepCount").intValue()).isEqualTo(steps);
      JsonNode step = viewer.next("presenterStep");
      assertThat(step.get("trace").stringValue()).isEqualTo(trace);
      assertThat(step.get("step").intValue()).isEqualTo(2);

      alice.send("{\"v\":2,\"type\":\"present\",\"trace\":\"p1\",\"step\":3}");
      JsonNode next = viewer.next("presenterStep");
      assertThat(next.get("step").intValue()).as("the trace is not sent twice").isEqualTo(3);

      bob.send("{\"v\":2,\"type\":\"follow\",\"following\":true}");
      assertThat(bob.next("traceStart").get("requestId").stringValue()).isEqualTo(trace);
      assertThat(LiveLabHttp.skipTo(bob, "presenterStep").get("step").intValue()).isEqualTo(3);
    }

    try (LabSocketClient later = new LabSocketClient(port)) {
      later.send(LiveLabHttp.hello(id, view));
      JsonNode welcome = later.next("welcome");
      assertThat(welcome.at("/topology/hosts/0/namespaces").toString())
          .as("the live world outlives its tabs: it is the log replayed")
          .doesNotContain("together")
          .contains("ns1");
    }
  }

  @Test
  void aVersionedLinkOpensTheTabsOwnCopy() throws Exception {
    JsonNode created = LiveLabHttp.create(port, LiveLabHttp.builtInDocument(port));
    String hello =
        "{\"v\":2,\"type\":\"hello\",\"shared\":{\"id\":\""
            + created.get("id").stringValue()
            + "\",\"secret\":\""
            + created.get("editSecret").stringValue()
            + "\",\"version\":1}}";
    try (LabSocketClient tab = new LabSocketClient(port)) {
      tab.send(hello);
      assertThat(tab.next("welcome").get("live").isNull()).isTrue();
      tab.send("{\"v\":2,\"type\":\"follow\",\"following\":true}");
      assertThat(tab.next("error").get("message").stringValue()).contains("needs a live lab");
    }
  }
}
