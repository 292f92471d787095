package io.packetwalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.share.PostgresCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the packaged jar on one real PostgreSQL: a tab on instance A edits a live lab
 * and presents a probe's step; a tab on the same lab's links on instance B sees the edit (its
 * command log entry and topology change) and, following, the presenter's trace and step — carried
 * by the edit log table and PostgreSQL LISTEN/NOTIFY, not by anything between the two processes.
 */
class LiveInstancesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void anEditAndAPresentersStepOnOneInstanceReachATabOnTheOther() throws Exception {
    var unavailable = PostgresCluster.unavailableReason();
    Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    Path jar = Path.of(System.getProperty("packetwalk.jar", "target/packetwalk.jar"));
    try (PostgresCluster postgres = PostgresCluster.start()) {
      String url = postgres.createDatabase("packetwalk");
      List<String> properties =
          List.of(
              "spring.datasource.url=" + url,
              "spring.datasource.username=" + postgres.user(),
              "spring.datasource.password=");
      try (JarServer a = JarServer.start(jar, List.of("-Xmx256m"), properties);
          JarServer b = JarServer.start(jar, List.of("-Xmx256m"), properties)) {
        String document;
        try (Tab fresh = Tab.open(a)) {
          fresh.send("{\"v\":2,\"type\":\"hello\"}");
          fresh.next("welcome");
          fresh.send("{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"x\"}");
          document = fresh.next("labDocument").get("document").stringValue();
        }
        JsonNode created = create(a, document);
        String id = created.get("id").stringValue();

        try (Tab presenter = Tab.open(a);
            Tab editor = Tab.open(b);
            Tab viewer = Tab.open(b)) {
          presenter.send(hello(id, created.get("editSecret").stringValue()));
          presenter.next("welcome");
          editor.send(hello(id, created.get("editSecret").stringValue()));
          editor.next("welcome");
          viewer.send(hello(id, created.get("viewSecret").stringValue()));
          assertThat(viewer.next("welcome").at("/live/canEdit").booleanValue()).isFalse();

          long sent = System.nanoTime();
          presenter.send(
              "{\"v\":2,\"type\":\"command\",\"requestId\":\"c1\",\"netns\":{\"host\":\"host1\","
                  + "\"netns\":\"\"},\"line\":\"ip netns add across\"}");
          assertThat(presenter.next("commandResult").get("exit").intValue()).isZero();
          JsonNode entry = editor.next("liveEdit");
          long editMs = (System.nanoTime() - sent) / 1_000_000;
          assertThat(entry.at("/commands/0/line").stringValue()).isEqualTo("ip netns add across");
          assertThat(editor.next("topologyChange").toString()).contains("across");
          viewer.next("liveEdit");
          assertThat(viewer.next("topologyChange").toString()).contains("across");

          editor.send(
              "{\"v\":2,\"type\":\"edit\",\"requestId\":\"e1\",\"label\":\"added back\","
                  + "\"commands\":[{\"netns\":{\"host\":\"host1\",\"netns\":\"\"},"
                  + "\"line\":\"ip netns add back\"}]}");
          assertThat(editor.next("editResult").get("applied").booleanValue()).isTrue();
          assertThat(presenter.skipTo("liveEdit").get("label").stringValue())
              .isEqualTo("added back");

          presenter.send(
              "{\"v\":2,\"type\":\"ping\",\"requestId\":\"p1\",\"from\":{\"host\":\"host1\","
                  + "\"netns\":\"ns1\"},\"to\":\"10.0.0.2\"}");
          int steps = presenter.skipTo("traceEnd").get("stepCount").intValue();
          long presented = System.nanoTime();
          presenter.send("{\"v\":2,\"type\":\"present\",\"trace\":\"p1\",\"step\":4}");
          JsonNode start = viewer.skipTo("traceStart");
          assertThat(start.get("title").stringValue()).contains("10.0.0.2");
          assertThat(viewer.skipTo("traceEnd").get("stepCount").intValue()).isEqualTo(steps);
          JsonNode step = viewer.next("presenterStep");
          long stepMs = (System.nanoTime() - presented) / 1_000_000;
          assertThat(step.get("trace").stringValue())
              .isEqualTo(start.get("requestId").stringValue());
          assertThat(step.get("step").intValue()).isEqualTo(4);

          System.out.printf(
              "LiveInstancesIT: edit on A reached B in %d ms, presenter's step in %d ms%n",
              editMs, stepMs);
        }
      }
    }
  }

  private static String hello(String id, String secret) {
    return "{\"v\":2,\"type\":\"hello\",\"shared\":{\"id\":\""
        + id
        + "\",\"secret\":\""
        + secret
        + "\"}}";
  }

  private static JsonNode create(JarServer server, String document) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(server.uri("/api/shared"))
                    .header("X-Packetwalk", "1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(document))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  /** One WebSocket tab on one instance, reading whole messages in order. */
  private static final class Tab implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Tab open(JarServer server) {
      Tab tab = new Tab();
      URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
      tab.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, tab).join();
      return tab;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    JsonNode next(String type) throws InterruptedException {
      JsonNode message = next();
      assertThat(message.path("type").stringValue()).as(message.toString()).isEqualTo(type);
      return message;
    }

    JsonNode skipTo(String type) throws InterruptedException {
      while (true) {
        JsonNode message = next();
        if (type.equals(message.path("type").stringValue())) {
          return message;
        }
      }
    }

    private JsonNode next() throws InterruptedException {
      String text = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(text).as("a message within %s", WAIT).isNotNull();
      return JSON.readTree(text);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void close() {
      socket.abort();
    }
  }
}
