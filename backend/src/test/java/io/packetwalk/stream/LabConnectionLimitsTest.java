package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/**
 * The connection limits on a real server: caps refuse with a reason, an idle connection is closed,
 * a reconnect resumes the lab, a second tab takes it over, and connections cost no thread each.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "packetwalk.ws.max-sessions=6",
      "packetwalk.ws.max-sessions-per-address=4",
      "packetwalk.ws.idle-timeout=2s"
    })
class LabConnectionLimitsTest {

  private static final String HELLO = "{\"v\":2,\"type\":\"hello\"}";

  @Value("${local.server.port}")
  int port;

  @Autowired LabServer server;

  @BeforeEach
  void earlierConnectionsAreGone() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.sessions() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void aConnectionBeyondThePerAddressCapIsClosedWithTheReason() throws Exception {
    List<LabSocketClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        clients.add(welcomed());
      }
      try (LabSocketClient extra = new LabSocketClient(port)) {
        assertThat(extra.awaitClose())
            .isEqualTo(
                "4002 Too many lab sessions from your address; close another tab and try again.");
      }
    } finally {
      clients.forEach(LabSocketClient::close);
    }
  }

  @Test
  void anIdleConnectionIsClosedAndItsLabKeptForAResume() throws Exception {
    try (LabSocketClient client = welcomed()) {
      JsonNode session = client.lastWelcome().get("session");
      client.send(command("c1", "ip netns add kept"));
      client.next("commandResult");
      client.next("topologyChange");
      assertThat(client.awaitClose()).startsWith("4003 Idle for");
      try (LabSocketClient again = new LabSocketClient(port)) {
        again.send(resume(session));
        JsonNode welcome = again.next("welcome");
        assertThat(welcome.get("resumed").booleanValue()).isTrue();
        assertThat(welcome.get("notice").isNull()).isTrue();
        assertThat(welcome.at("/topology/hosts/0/namespaces").toString()).contains("\"kept\"");
      }
    }
  }

  @Test
  void aReconnectResumesTheSameLabAndTheOldTabIsToldItWasReplaced() throws Exception {
    try (LabSocketClient first = welcomed()) {
      JsonNode session = first.lastWelcome().get("session");
      first.send(command("c1", "ip netns add mine"));
      first.next("commandResult");
      try (LabSocketClient second = new LabSocketClient(port)) {
        second.send(resume(session));
        JsonNode welcome = second.next("welcome");
        assertThat(welcome.get("resumed").booleanValue()).isTrue();
        assertThat(welcome.at("/session/id").stringValue())
            .isEqualTo(session.get("id").stringValue());
        assertThat(welcome.at("/topology/hosts/0/namespaces").toString()).contains("\"mine\"");
        assertThat(first.awaitClose()).isEqualTo("4005 This lab was opened in another tab.");
      }
    }
  }

  @Test
  void aResumeWithAnUnknownSessionGetsAFreshLabAndANotice() throws Exception {
    try (LabSocketClient client = new LabSocketClient(port)) {
      client.send("{\"v\":2,\"type\":\"hello\",\"resume\":{\"id\":\"gone\",\"secret\":\"x\"}}");
      JsonNode welcome = client.next("welcome");
      assertThat(welcome.get("resumed").booleanValue()).isFalse();
      assertThat(welcome.get("notice").stringValue()).contains("no longer kept");
    }
  }

  @Test
  void openConnectionsDoNotEachHoldAThread() throws Exception {
    List<LabSocketClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        LabSocketClient client = welcomed();
        client.send(command("c" + i, "ip -br link"));
        client.next("commandResult");
        clients.add(client);
      }
      assertThat(server.sessions()).isEqualTo(4);
      assertThat(Thread.getAllStackTraces().keySet())
          .as("platform threads kept for idle connections")
          .noneMatch(thread -> thread.getName().startsWith("lab-"));
    } finally {
      clients.forEach(LabSocketClient::close);
    }
  }

  private LabSocketClient welcomed() throws InterruptedException {
    LabSocketClient client = new LabSocketClient(port);
    client.send(HELLO);
    client.next("welcome");
    return client;
  }

  private static String resume(JsonNode session) {
    return "{\"v\":2,\"type\":\"hello\",\"resume\":" + session + "}";
  }

  private static String command(String id, String line) {
    return "{\"v\":2,\"type\":\"command\",\"requestId\":\""
        + id
        + "\",\"netns\":{\"host\":\"host1\",\"netns\":\"\"},\"line\":\""
        + line
        + "\"}";
  }
}
