package io.packetwalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live labs under load, on the packaged jar: {@code live.load.sessions} WebSocket sessions (2,000)
 * across {@code live.load.labs} live labs (100), one presenter per lab on its edit link and the
 * rest following on its view link; each presenter runs one ping, then moves to another step once a
 * second for {@code live.load.seconds} (30). Measures, per follower, the time from a presenter's
 * {@code present} to the follower's {@code presenterStep}; prints p50/p99, the server's heap after
 * a GC and its threads, and the errors (which must be none).
 */
class LiveLoadIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int labs = Integer.getInteger("live.load.labs", 100);
  private final int sessions = Integer.getInteger("live.load.sessions", 2000);
  private final int seconds = Integer.getInteger("live.load.seconds", 30);
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger errors = new AtomicInteger();
  private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

  @Test
  void followersOfAHundredPresentersGetEachStep() throws Exception {
    Path jar = Path.of(System.getProperty("packetwalk.jar", "target/packetwalk.jar"));
    List<String> properties =
        List.of(
            "packetwalk.ws.max-sessions=" + (sessions + 100),
            "packetwalk.ws.max-sessions-per-address=" + (sessions + 100),
            "packetwalk.share.labs-per-minute-per-address=" + (labs + 10));
    try (JarServer server = JarServer.start(jar, List.of("-Xmx512m"), properties)) {
      URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
      HttpClient http = HttpClient.newHttpClient();
      Client exporter = Client.open(http, ws, this, null);
      exporter.send("{\"v\":2,\"type\":\"hello\"}");
      exporter.await("welcome");
      exporter.send("{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"x\"}");
      String document = exporter.await("labDocument").get("document").stringValue();
      exporter.socket.abort();

      List<Client> presenters = new ArrayList<>();
      List<String> labIds = new ArrayList<>();
      int followersPerLab = sessions / labs - 1;
      CountDownLatch welcomed = new CountDownLatch(labs * followersPerLab);
      for (int lab = 0; lab < labs; lab++) {
        JsonNode created = create(http, server, document);
        String id = created.get("id").stringValue();
        labIds.add(id);
        Client presenter = Client.open(http, ws, this, null);
        presenter.send(hello(id, created.get("editSecret").stringValue()));
        presenter.await("welcome");
        presenters.add(presenter);
        for (int f = 0; f < followersPerLab; f++) {
          Client follower = Client.open(http, ws, this, welcomed);
          follower.lab = id;
          follower.send(hello(id, created.get("viewSecret").stringValue()));
        }
      }
      assertThat(welcomed.await(120, TimeUnit.SECONDS)).as("every follower welcomed").isTrue();

      List<Integer> stepCounts = new ArrayList<>();
      for (Client presenter : presenters) {
        presenter.send(
            "{\"v\":2,\"type\":\"ping\",\"requestId\":\"p1\",\"from\":{\"host\":\"host1\","
                + "\"netns\":\"ns1\"},\"to\":\"10.0.0.2\"}");
      }
      for (Client presenter : presenters) {
        stepCounts.add(presenter.await("traceEnd").get("stepCount").intValue());
      }
      long pause = 1000L / labs;
      for (int second = 0; second < seconds; second++) {
        for (int lab = 0; lab < labs; lab++) {
          int step = second % stepCounts.get(lab);
          sentAt.put(labIds.get(lab) + "/" + step, System.nanoTime());
          presenters
              .get(lab)
              .send("{\"v\":2,\"type\":\"present\",\"trace\":\"p1\",\"step\":" + step + "}");
          Thread.sleep(pause);
        }
      }
      Thread.sleep(2000);
      long heap = server.heapUsedAfterGc();
      int threads = server.threads();
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long expected = (long) labs * followersPerLab * seconds;
      System.out.printf(
          "LiveLoadIT: %d sessions, %d labs, %d s: %d of %d steps received, p50 %.1f ms, p99 %.1f"
              + " ms, max %.1f ms, heap after GC %d MB, %d threads, %d errors%n",
          labs * (followersPerLab + 1),
          labs,
          seconds,
          sorted.size(),
          expected,
          percentile(sorted, 50),
          percentile(sorted, 99),
          sorted.isEmpty() ? 0 : sorted.getLast() / 1e6,
          heap / (1024 * 1024),
          threads,
          errors.get());
      assertThat(errors.get()).isZero();
      assertThat(sorted.size()).isEqualTo(expected);
    }
  }

  private static double percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  private void heard(Client client, JsonNode message) {
    switch (message.path("type").stringValue()) {
      case "presenterStep" -> {
        Long sent = sentAt.get(client.lab + "/" + message.get("step").intValue());
        if (sent != null) {
          latencies.add(System.nanoTime() - sent);
        }
      }
      case "error" -> errors.incrementAndGet();
      default -> {}
    }
  }

  private static String hello(String id, String secret) {
    return "{\"v\":2,\"type\":\"hello\",\"shared\":{\"id\":\""
        + id
        + "\",\"secret\":\""
        + secret
        + "\"}}";
  }

  private static JsonNode create(HttpClient http, JarServer server, String document)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(server.uri("/api/shared"))
                .header("X-Packetwalk", "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(document))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }

  /** One session: a presenter keeps its messages to await; a follower reports each as it comes. */
  private static final class Client implements WebSocket.Listener {

    private final LiveLoadIT test;
    private final CountDownLatch welcomed;
    private final java.util.concurrent.BlockingQueue<JsonNode> kept =
        new java.util.concurrent.LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile String lab;
    private WebSocket socket;

    private Client(LiveLoadIT test, CountDownLatch welcomed) {
      this.test = test;
      this.welcomed = welcomed;
    }

    static Client open(HttpClient http, URI ws, LiveLoadIT test, CountDownLatch welcomed) {
      Client client = new Client(test, welcomed);
      client.socket = http.newWebSocketBuilder().buildAsync(ws, client).join();
      return client;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    JsonNode await(String type) throws InterruptedException {
      while (true) {
        JsonNode message = kept.poll(60, TimeUnit.SECONDS);
        assertThat(message).as("a %s message", type).isNotNull();
        if (message.path("type").stringValue().equals(type)) {
          return message;
        }
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        partial.setLength(0);
        if (welcomed == null) {
          kept.add(message);
        } else if (message.path("type").stringValue().equals("welcome")) {
          welcomed.countDown();
        } else {
          test.heard(this, message);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (welcomed != null) {
        test.errors.incrementAndGet();
      }
      return null;
    }
  }
}
