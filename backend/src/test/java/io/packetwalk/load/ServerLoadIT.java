package io.packetwalk.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 7's proof: the packaged jar with a 384 MB heap, and at once 20 heavy script runs, 2,000
 * idle WebSocket sessions, 50 clients that stop reading and 200 sessions pinging, plus clients
 * beyond the session caps. {@code /api/health} must answer within a second throughout, the process
 * must survive without an OutOfMemoryError, heap and threads must return to their baseline, and
 * every refused client must have been told why. The figures go to {@code target/load-report.md}.
 */
class ServerLoadIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final int IDLE_SESSIONS = 2_000;
  private static final int HEAVY_RUNS = 20;
  private static final int SLOW_CONSUMERS = 50;
  private static final int PINGING_SESSIONS = 200;
  private static final int PER_ADDRESS = 16;
  private static final int MAX_SESSIONS = 2_500;
  private static final Duration PINGING_TIME = Duration.ofSeconds(40);
  private static final Duration RESUME_WINDOW = Duration.ofSeconds(15);
  private static final long HEAP_SLACK_BYTES = 24L * 1024 * 1024;
  private static final int THREAD_SLACK = 16;

  private static final String HELLO = "{\"v\":2,\"type\":\"hello\"}";

  private final ConcurrentMap<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
  private final List<String> unclearRefusals = new ArrayList<>();

  @Test
  void theServerStaysAnswerableAndBoundedUnderEveryKindOfLoadAtOnce() throws Exception {
    Path jar = Path.of(System.getProperty("packetwalk.jar", "target/packetwalk.jar"));
    assertThat(jar).as("the packaged jar (run after mvn package)").exists();
    try (JarServer server =
        JarServer.start(
            jar,
            List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError"),
            List.of(
                "packetwalk.limits.cpu-time-per-run=3s",
                "packetwalk.ws.resume-window=" + RESUME_WINDOW.toSeconds() + "s",
                "packetwalk.ws.max-sessions=" + MAX_SESSIONS,
                "packetwalk.ws.max-sessions-per-address=" + PER_ADDRESS))) {
      LoadReport report = new LoadReport();
      URI ws = URI.create("ws://127.0.0.1:" + server.port() + "/ws");

      warmUp(server, ws);
      long baselineHeap = server.heapUsedAfterGc();
      int baselineThreads = server.threads();
      report.add("baseline heap after GC", mib(baselineHeap));
      report.add("baseline threads", Integer.toString(baselineThreads));

      try (HealthProbe health =
          new HealthProbe(server.uri("/api/health"), Duration.ofMillis(100))) {
        List<LoadSocket> idle = open(ws, IDLE_SESSIONS, 1, true);
        assertThat(welcomed(idle)).as("idle sessions welcomed").isEqualTo(IDLE_SESSIONS);
        long heapWithIdle = server.heapUsedAfterGc();
        long perSession = Math.max(1, (heapWithIdle - baselineHeap) / IDLE_SESSIONS);
        report.add("heap after GC with 2,000 idle sessions", mib(heapWithIdle));
        report.add(
            "heap per idle session", String.format(Locale.ROOT, "%.1f KiB", perSession / 1024.0));
        report.add("idle sessions per GB of heap", Long.toString((1L << 30) / perSession));

        List<CompletableFuture<String>> heavy = startHeavyRuns(server);
        List<LoadSocket> slow = open(ws, SLOW_CONSUMERS, 140, false);
        flood(slow);
        List<LoadSocket> pinging = open(ws, PINGING_SESSIONS, 150, true);
        assertThat(welcomed(pinging)).as("pinging sessions welcomed").isEqualTo(PINGING_SESSIONS);
        PingTally pings = ping(pinging, PINGING_TIME);
        List<LoadSocket> beyond =
            new ArrayList<>(open(ws, PER_ADDRESS + 1, 200, true, PER_ADDRESS + 1));
        beyond.addAll(open(ws, MAX_SESSIONS - idle.size() - pinging.size(), 210, true));
        awaitCloseOrWelcome(beyond);
        countRefusals(beyond);

        List<String> heavyOutcomes = new ArrayList<>();
        for (CompletableFuture<String> run : heavy) {
          heavyOutcomes.add(run.get(5, TimeUnit.MINUTES));
        }
        report.add("heavy runs", summarise(heavyOutcomes));
        report.add("pings answered with a trace", Long.toString(pings.traces.get()));
        report.add("pings refused with a reason", Long.toString(pings.refused.get()));
        report.add("pings unanswered within 30 s", Long.toString(pings.unanswered.get()));
        report.add(
            "slow consumers closed by the server (seen by the client)",
            Long.toString(slow.stream().filter(s -> s.closedWith() != null).count()));

        for (List<LoadSocket> group : List.of(idle, slow, pinging, beyond)) {
          group.forEach(LoadSocket::abort);
        }
        report.add("health answers", Integer.toString(health.latenciesNs().size()));
        report.add("health p50", millis(health.quantileNs(0.50)));
        report.add("health p99", millis(health.quantileNs(0.99)));
        report.add("health max", millis(health.quantileNs(1.0)));
        report.add("refusals", refusals.toString());

        assertThat(health.failures()).as("failed health answers").isEmpty();
        assertThat(health.quantileNs(1.0)).as("slowest health answer").isLessThan(1_000_000_000L);
        assertThat(pings.traces.get()).as("pings answered under load").isPositive();
        assertThat(pings.unanswered.get()).as("pings never answered").isZero();
        assertThat(heavyOutcomes).allSatisfy(o -> assertThat(o).startsWith("ok"));
      }

      Thread.sleep(RESUME_WINDOW.plusSeconds(10).toMillis());
      long heapAfter = server.heapUsedAfterGc();
      int threadsAfter = awaitThreads(server, baselineThreads + THREAD_SLACK);
      report.add("heap after GC once the load ended", mib(heapAfter));
      report.add("threads once the load ended", Integer.toString(threadsAfter));
      report.write(Path.of("target", "load-report.md"));

      assertThat(server.isAlive()).as("server process alive").isTrue();
      assertThat(server.log()).doesNotContain("OutOfMemoryError");
      assertThat(unclearRefusals).as("refusals without a reason").isEmpty();
      assertThat(refusals)
          .as("clients beyond the total and the per-address cap were refused")
          .containsKeys("4001", "4002");
      assertThat(heapAfter).isLessThan(baselineHeap + HEAP_SLACK_BYTES);
      assertThat(threadsAfter).isLessThanOrEqualTo(baselineThreads + THREAD_SLACK);
    }
  }

  private void warmUp(JarServer server, URI ws) throws Exception {
    runScript(server, "ip link set lo up\nping -c 3 127.0.0.1\n").join();
    LoadSocket socket = open(ws, 1, 250, true).get(0);
    assertThat(welcomed(List.of(socket))).isOne();
    socket.send(pingMessage("warm", 3));
    while (socket.next(Duration.ofSeconds(30)) instanceof String message
        && !message.contains("\"traceEnd\"")) {
      // until the trace ends
    }
    socket.abort();
  }

  /**
   * Opens {@code count} sessions, {@link #PER_ADDRESS} per address from 127.{block}.1.1 on, and
   * says hello on each.
   */
  private static List<LoadSocket> open(URI ws, int count, int block, boolean reads)
      throws Exception {
    return open(ws, count, block, reads, PER_ADDRESS);
  }

  /** As above, {@code perAddress} sessions from each address. */
  private static List<LoadSocket> open(URI ws, int count, int block, boolean reads, int perAddress)
      throws Exception {
    List<CompletableFuture<LoadSocket>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int address = i / perAddress;
      InetAddress local =
          InetAddress.getByName(
              "127." + (block + address / 250) + "." + (1 + address % 250) + ".1");
      pending.add(LoadSocket.connect(ws, local, reads));
    }
    List<LoadSocket> sockets = new ArrayList<>();
    for (CompletableFuture<LoadSocket> future : pending) {
      LoadSocket socket = future.get(60, TimeUnit.SECONDS);
      sockets.add(socket);
      if (socket.connected()) {
        socket.send(HELLO);
      }
    }
    return sockets;
  }

  /** How many of {@code sockets} got a welcome as their first message. */
  private static long welcomed(List<LoadSocket> sockets) throws InterruptedException {
    long count = 0;
    for (LoadSocket socket : sockets) {
      if (socket.connected()) {
        String first = socket.next(Duration.ofSeconds(30));
        if (first != null && first.contains("\"welcome\"")) {
          count++;
        }
      }
    }
    return count;
  }

  private void awaitCloseOrWelcome(List<LoadSocket> sockets) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && sockets.stream().anyMatch(s -> s.refusal() == null && s.closedWith() == null)) {
      Thread.sleep(100);
    }
  }

  private void countRefusals(List<LoadSocket> sockets) {
    for (LoadSocket socket : sockets) {
      String why = socket.refusal() != null ? socket.refusal() : socket.closedWith();
      if (why != null) {
        noteRefusal(why);
      }
    }
  }

  private synchronized void noteRefusal(String text) {
    if (text == null || text.strip().split(" ", 2).length < 2 || text.length() < 20) {
      unclearRefusals.add(String.valueOf(text));
      return;
    }
    refusals.computeIfAbsent(text.split(" ", 2)[0], k -> new AtomicInteger()).incrementAndGet();
  }

  /** Slow consumers ask for far more than they will ever read. */
  private static void flood(List<LoadSocket> slow) {
    for (LoadSocket socket : slow) {
      for (int i = 0; i < 30; i++) {
        socket.send(pingMessage("slow" + i, 10));
      }
    }
  }

  private record PingTally(AtomicLong traces, AtomicLong refused, AtomicLong unanswered) {}

  private static PingTally ping(List<LoadSocket> sockets, Duration time) throws Exception {
    PingTally tally = new PingTally(new AtomicLong(), new AtomicLong(), new AtomicLong());
    long deadline = System.nanoTime() + time.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (LoadSocket socket : sockets) {
      threads.add(
          Thread.ofVirtual()
              .start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline && socket.closedWith() == null) {
                  socket.send(pingMessage("p" + n++, 3));
                  if (!awaitEnd(socket, tally)) {
                    tally.unanswered.incrementAndGet();
                    return;
                  }
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return tally;
  }

  private static boolean awaitEnd(LoadSocket socket, PingTally tally) {
    try {
      while (true) {
        String message = socket.next(Duration.ofSeconds(30));
        if (message == null) {
          return false;
        }
        JsonNode node = JSON.readTree(message);
        switch (node.path("type").asString()) {
          case "traceEnd" -> {
            tally.traces.incrementAndGet();
            return true;
          }
          case "error" -> {
            assertThat(node.path("message").asString()).isNotBlank();
            tally.refused.incrementAndGet();
            return true;
          }
          default -> {}
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String pingMessage(String id, int count) {
    return "{\"v\":2,\"type\":\"ping\",\"requestId\":\""
        + id
        + "\",\"from\":{\"host\":\"host1\",\"netns\":\"ns1\"},\"to\":\"10.0.0.2\",\"count\":"
        + count
        + "}";
  }

  private static List<CompletableFuture<String>> startHeavyRuns(JarServer server) {
    StringBuilder pings = new StringBuilder("ip link set lo up\n");
    for (int i = 0; i < 300; i++) {
      pings.append("ping -qc9999999 -i0 127.1\n");
    }
    StringBuilder output = new StringBuilder();
    for (int i = 0; i < 1_000; i++) {
      output
          .append("ip link add d")
          .append(i)
          .append(" type veth peer name p")
          .append(i)
          .append('\n');
    }
    for (int i = 0; i < 2_000; i++) {
      output.append("ip -d addr show\n");
    }
    List<CompletableFuture<String>> runs = new ArrayList<>();
    for (int i = 0; i < HEAVY_RUNS; i++) {
      runs.add(runScript(server, (i % 2 == 0 ? pings : output).toString()));
    }
    return runs;
  }

  /**
   * Posts a script; "ok …" when the answer is a list whose last outcome says which limit stopped it
   * or a clear busy refusal, else what came back.
   */
  private static CompletableFuture<String> runScript(JarServer server, String script) {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/api/run"))
            .header("Content-Type", "text/plain")
            .header("X-Packetwalk", "1")
            .timeout(Duration.ofMinutes(5))
            .POST(HttpRequest.BodyPublishers.ofString(script, StandardCharsets.UTF_8))
            .build();
    return HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(ServerLoadIT::judge)
        .exceptionally(failure -> "failed " + failure);
  }

  private static String judge(HttpResponse<String> response) {
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() == 503) {
      return body.path("error").asString().equals("SERVER_BUSY")
              && !body.path("message").asString().isBlank()
          ? "ok busy"
          : "unclear 503 " + response.body();
    }
    if (response.statusCode() != 200 || !body.isArray() || body.isEmpty()) {
      return "unexpected " + response.statusCode() + " " + abbreviate(response.body());
    }
    JsonNode last = body.get(body.size() - 1);
    String stopped = last.path("stopped").asString("");
    return stopped.isBlank() ? "ok finished" : "ok stopped: " + stopped;
  }

  private static String summarise(List<String> outcomes) {
    ConcurrentMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    outcomes.forEach(
        o -> counts.computeIfAbsent(abbreviate(o), k -> new AtomicInteger()).incrementAndGet());
    return counts.toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }

  private static int awaitThreads(JarServer server, int target) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int threads = server.threads();
    while (threads > target && System.nanoTime() < deadline) {
      Thread.sleep(500);
      threads = server.threads();
    }
    return threads;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }

  /** Figures in the order they were measured, written as a Markdown table. */
  private static final class LoadReport {
    private final StringBuilder table = new StringBuilder("| measure | value |\n|---|---|\n");

    void add(String measure, String value) {
      table.append("| ").append(measure).append(" | ").append(value).append(" |\n");
      System.out.println("load: " + measure + ": " + value);
    }

    void write(Path file) throws IOException {
      Files.createDirectories(file.getParent());
      Files.writeString(file, table.toString(), StandardCharsets.UTF_8);
    }
  }
}
