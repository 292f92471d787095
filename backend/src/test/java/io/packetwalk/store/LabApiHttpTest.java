package io.packetwalk.store;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code /api/labs} inside the whole server: the lab error advice answers for the lab endpoints
 * (with {@code problems}), whatever other advice the server has.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabApiHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", type)
            .header("X-Packetwalk", "1")
            .POST(BodyPublishers.ofString(body))
            .build(),
        BodyHandlers.ofString());
  }

  @Test
  void exportsTheExampleAsAScript() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/labs/export-script",
            "application/json",
            LabDocumentCodecTest.resource("two-pods-on-a-bridge.json"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).contains("ip link add br0 type bridge");
  }

  @Test
  void answersAnInvalidDocumentWithProblemsAndNoStackTrace() throws Exception {
    HttpResponse<String> response =
        post("/api/labs/validate", "application/json", "{\"schemaVersion\": 1, \"hosts\": 3}");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("valid").booleanValue()).isFalse();
    assertThat(report.get("problems"))
        .extracting(p -> p.get("path").stringValue())
        .contains("name", "hosts");

    HttpResponse<String> refused =
        post("/api/labs/export-script", "application/json", "{\"schemaVersion\": 1, \"hosts\": 3}");
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode error = JSON.readTree(refused.body());
    assertThat(error.get("error").stringValue()).isEqualTo("LAB_INVALID");
    assertThat(error.get("problems").size()).isEqualTo(2);
    assertThat(refused.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void importsAScriptOverHttp() throws Exception {
    HttpResponse<String> response =
        post("/api/labs/import-script?name=one", "text/plain", "ip netns add one\n");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(response.body());
    assertThat(document.get("hosts").get(0).get("namespaces").get(1).get("name").stringValue())
        .isEqualTo("one");
  }
}
