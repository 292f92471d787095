package io.packetwalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.system.SimulationSlots;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What keeps other sites and careless clients from spending the server's work: the custom header,
 * the Origin rules, security headers, busy answers and cancelling a run whose client went away.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "packetwalk.limits.concurrent-scripts=1",
      "packetwalk.limits.queued-scripts=0",
      "packetwalk.limits.cpu-time-per-run=60s",
      "packetwalk.limits.output-bytes-per-run=1000000000",
      "logging.level.io.packetwalk.store.LabApiErrors=DEBUG"
    })
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** About ten seconds of work: 300 devices, each listed in detail 3,000 times. */
  private static final String SLOW_SCRIPT = slowScript();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Autowired SimulationSlots slots;

  @Test
  void aPostWithoutTheCustomHeaderIsRefusedNamingIt() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/run"))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("sleep 1\n"))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("MISSING_HEADER");
    assertThat(error.get("message").stringValue()).contains("X-Packetwalk: 1");
  }

  @Test
  void aPostFromAnotherSiteIsRefusedEvenWithTheHeader() throws Exception {
    HttpResponse<String> response =
        http.send(
            post("/api/run", "sleep 1\n").header("Origin", "https://evil.example").build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).get("error").stringValue()).isEqualTo("CROSS_ORIGIN");
  }

  @Test
  void aPostFromThePagesOwnOriginIsServed() throws Exception {
    HttpResponse<String> response =
        http.send(
            post("/api/run", "sleep 1\n").header("Origin", "http://localhost:" + port).build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[", "::", "http://a b", "ftp://x", "http://h/p?q", "é://x"})
  void aMalformedOriginGetsAClearJsonErrorOnEveryPath(String origin) throws Exception {
    for (String path : new String[] {"/", "/api/health", "/ws"}) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri(path)).header("Origin", origin).GET().build(),
              BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.get("error").stringValue()).isEqualTo("BAD_ORIGIN");
      assertThat(error.get("message").stringValue()).contains("Origin header");
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : new String[] {"/", "/api/health", "/no-such-page"}) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
      var headers = response.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
      assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
      assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    }
  }

  @Test
  void anEmptyLabNameIsRefusedNamingTheParameter() throws Exception {
    HttpResponse<String> response =
        http.send(
            post("/api/labs/import-script?name=", "ip netns add a\n").build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("BAD_LAB_NAME");
    assertThat(error.get("message").stringValue()).contains("\"name\"");
  }

  @Test
  void aLabOfTenThousandNamespacesTheServerMadeIsAcceptedBackByValidateAndExport()
      throws Exception {
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      script.append("ip netns add ns").append(i).append('\n');
    }
    HttpResponse<String> imported =
        http.send(
            post("/api/labs/import-script?name=big", script.toString()).build(),
            BodyHandlers.ofString());
    assertThat(imported.statusCode()).isEqualTo(200);
    String document = imported.body().strip();
    HttpResponse<String> valid =
        http.send(
            post("/api/labs/validate", document).header("Content-Type", "application/json").build(),
            BodyHandlers.ofString());
    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(valid.body()).get("valid").booleanValue()).isTrue();
    HttpResponse<String> exported =
        http.send(
            post("/api/labs/export-script", document)
                .header("Content-Type", "application/json")
                .build(),
            BodyHandlers.ofString());
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(exported.body()).contains("ip netns add ns9999");
  }

  @Test
  void aScriptThatFindsEverySlotTakenGets503WithAReason() throws Exception {
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(post("/api/run", SLOW_SCRIPT).build(), BodyHandlers.ofString());
    awaitBusy();
    HttpResponse<String> second =
        http.send(post("/api/run", "sleep 1\n").build(), BodyHandlers.ofString());
    first.cancel(true);
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    JsonNode error = JSON.readTree(second.body());
    assertThat(error.get("error").stringValue()).isEqualTo("SERVER_BUSY");
    assertThat(error.get("message").stringValue()).contains("packetwalk.limits.concurrent-scripts");
    awaitIdle(20_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/run", "/api/labs/import-script?name=gone"})
  void aClientThatGoesAwayCancelsItsRunWithoutAnErrorInTheLog(String path, CapturedOutput log)
      throws Exception {
    awaitIdle(20_000);
    byte[] body = SLOW_SCRIPT.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nContent-Type: text/plain\r\nX-Packetwalk: 1\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      awaitBusy();
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(3_000);
      assertThat(in.read()).as("the heartbeat's response starts").isPositive();
    }
    long gone = System.nanoTime();
    awaitIdle(8_000);
    assertThat((System.nanoTime() - gone) / 1_000_000).isLessThan(8_000);
    assertThat(log.getOut()).doesNotContain("ERROR").doesNotContain("\tat ");
    assertThat(log.getOut().lines().filter(line -> line.contains("Broken pipe")))
        .as("a broken pipe is logged at debug only")
        .allMatch(line -> line.contains(" DEBUG "));
  }

  /**
   * A run that lasts past the first heartbeat has its status line (200) sent already; a failure
   * found later comes as the same JSON error object, after the heartbeat's spaces (docs/limits.md).
   */
  @Test
  void aSlowImportThatFailsAnswersWithTheProblemsAfterItsHeartbeats() throws Exception {
    awaitIdle(20_000);
    String script = slowScript(300, 3_000) + "ip link set nosuch up\n";
    HttpResponse<String> response =
        http.send(
            post("/api/labs/import-script?name=slow", script).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).as("heartbeats came first").startsWith(" ");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("SCRIPT_FAILED");
    assertThat(error.get("problems").get(0).get("path").stringValue()).isEqualTo("line 3301");
  }

  @Test
  void aSlowUploadOfADocumentDoesNotHoldTheScriptLaneAndItsAbortIsNoError(CapturedOutput log)
      throws Exception {
    awaitIdle(20_000);
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/labs/validate HTTP/1.1\r\nHost: localhost:"
                  + port
                  + "\r\nContent-Type: application/json\r\nX-Packetwalk: 1\r\n"
                  + "Content-Length: 1000\r\n\r\n{\"schemaVersion\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200);
      HttpResponse<String> run =
          http.send(post("/api/run", "sleep 1\n").build(), BodyHandlers.ofString());
      assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!log.getOut().contains("A client went away") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(log.getOut()).contains("A client went away").doesNotContain("ERROR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://[", "http://[::1", "http://h:99999999999", "http://%zz", "\t"})
  void aMalformedOriginOnACostlyRequestOrAWebSocketHandshakeGetsAClearJsonError(String origin)
      throws Exception {
    HttpResponse<String> run =
        http.send(
            post("/api/run", "sleep 1\n").header("Origin", origin).build(),
            BodyHandlers.ofString());
    assertThat(run.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(run.body()).get("error").stringValue()).isEqualTo("BAD_ORIGIN");
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\nHost: localhost:"
                      + port
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                      + "Origin: "
                      + origin
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.UTF_8));
      socket.setSoTimeout(5_000);
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400").contains("\"error\":\"BAD_ORIGIN\"");
    }
  }

  private void awaitBusy() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (slots.busy() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(slots.busy()).as("a run in progress").isPositive();
  }

  private void awaitIdle(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (slots.busy() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(slots.busy()).as("runs still going").isZero();
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "text/plain")
        .header("X-Packetwalk", "1")
        .POST(BodyPublishers.ofString(body));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String slowScript() {
    return slowScript(300, 3_000);
  }

  private static String slowScript(int links, int listings) {
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < links; i++) {
      script
          .append("ip link add a")
          .append(i)
          .append(" type veth peer name b")
          .append(i)
          .append('\n');
    }
    script.append("ip -d addr show\n".repeat(listings));
    return script.toString();
  }
}
