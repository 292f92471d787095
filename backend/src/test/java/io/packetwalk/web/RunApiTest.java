package io.packetwalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP API on a real server: run a script, health, and JSON errors without stack traces. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RunApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Test
  void runsAScriptAndReturnsOneOutcomePerCommand() throws Exception {
    HttpResponse<String> response =
        post("/api/run", "text/plain", "sleep 1\n# a comment\nno-such-tool --help\n");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode outcomes = JSON.readTree(response.body());
    assertThat(outcomes.isArray()).isTrue();
    assertThat(outcomes).hasSize(2);
    JsonNode sleep = outcomes.get(0);
    assertThat(sleep.get("line").intValue()).isEqualTo(1);
    assertThat(sleep.get("cmd").stringValue()).isEqualTo("sleep 1");
    assertThat(sleep.get("exit").intValue()).isZero();
    assertThat(sleep.get("stdout").stringValue()).isEmpty();
    JsonNode missing = outcomes.get(1);
    assertThat(missing.get("line").intValue()).isEqualTo(3);
    assertThat(missing.get("exit").intValue()).isEqualTo(127);
    assertThat(missing.get("stderr").stringValue()).contains("command not found");
  }

  @Test
  void anOutcomeALimitCutSaysWhichAndTheOthersCarryNoStoppedField() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/run",
            "text/plain",
            "ip link set lo up\nping -q -c 1000000 -i 0 127.0.0.1\nip link show lo\n");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode outcomes = JSON.readTree(response.body());
    assertThat(outcomes).hasSize(2);
    assertThat(outcomes.get(0).has("stopped")).as("no limit cut line 1").isFalse();
    assertThat(outcomes.get(1).get("stopped").stringValue())
        .contains("stopped after 5,000 packets")
        .contains("packetwalk.limits.packets-per-run");
  }

  @Test
  void refusesAScriptOverTheLimitWith413NamingTheLimit() throws Exception {
    String script = "sleep 1\n".repeat(RunController.MAX_SCRIPT_BYTES / 8 + 1);
    HttpResponse<String> response = post("/api/run", "text/plain", script);
    assertThat(response.statusCode()).isEqualTo(413);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("SCRIPT_TOO_LARGE");
    assertThat(error.get("message").stringValue()).contains("262144 bytes").contains("256 KiB");
  }

  @Test
  void refusesAScriptWithUnsupportedSyntaxWith400() throws Exception {
    HttpResponse<String> response =
        post("/api/run", "text/plain", "sleep 1\nfor i in 1 2; do sleep $i; done\n");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("SCRIPT_SYNTAX");
    assertThat(error.get("message").stringValue()).contains("line 2");
  }

  @Test
  void refusesAScriptThatIsNotUtf8() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/api/run"))
            .header("Content-Type", "text/plain")
            .header("X-Packetwalk", "1")
            .POST(BodyPublishers.ofByteArray(new byte[] {'s', 'l', (byte) 0xff, '\n'}))
            .build();
    HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").stringValue())
        .isEqualTo("SCRIPT_NOT_UTF8");
  }

  @Test
  void asksForTextPlainWhenTheBodyIsSomethingElse() throws Exception {
    HttpResponse<String> response =
        post("/api/run", "application/json", "{\"script\":\"sleep 1\"}");
    assertThat(response.statusCode()).isEqualTo(415);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("error").stringValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(error.get("message").stringValue()).contains("text/plain");
  }

  @Test
  void healthSaysUp() throws Exception {
    HttpResponse<String> response = get("/api/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").stringValue()).isEqualTo("UP");
  }

  @Test
  void unknownPathsAndMethodsAnswerWithJsonErrors() throws Exception {
    HttpResponse<String> notFound = get("/api/nothing-here");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(notFound.body()).get("error").stringValue()).isEqualTo("NOT_FOUND");
    assertThat(JSON.readTree(notFound.body()).get("message").stringValue())
        .contains("GET /api/nothing-here");
    assertThat(notFound.body()).doesNotContain("Exception").doesNotContain("\tat ");

    HttpResponse<String> wrongMethod = get("/api/run");
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    JsonNode error = JSON.readTree(wrongMethod.body());
    assertThat(error.get("error").stringValue()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(error.get("message").stringValue()).isNotBlank();
  }

  private HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .header("X-Packetwalk", "1")
            .POST(BodyPublishers.ofString(body))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
