package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saved labs over the lab protocol: a tab exports its lab as a document, the document is saved, and
 * {@code hello.shared} opens it again — editable with the edit link, read-only (commands refused
 * with {@code READ_ONLY}) with the view link, and not at all with a wrong secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SharedLabSocketTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void aTabsLabIsSavedAndOpenedAgainByItsLinks() throws Exception {
    String document;
    try (LabSocketClient author = new LabSocketClient(port)) {
      author.send("{\"v\":2,\"type\":\"hello\"}");
      author.next("welcome");
      author.send(
          "{\"v\":2,\"type\":\"command\",\"requestId\":\"r1\",\"netns\":{\"host\":\"host1\","
              + "\"netns\":\"\"},\"line\":\"ip netns add saved\"}");
      assertThat(author.next("commandResult").get("exit").intValue()).isZero();
      author.next("topologyChange");
      author.send("{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"r2\"}");
      JsonNode reply = author.next("labDocument");
      assertThat(reply.get("requestId").stringValue()).isEqualTo("r2");
      document = reply.get("document").stringValue();
    }
    assertThat(document).contains("\"saved\"");
    JsonNode created = create(document);
    String id = created.get("id").stringValue();

    try (LabSocketClient viewer = new LabSocketClient(port)) {
      viewer.send(hello(id, created.get("viewSecret").stringValue()));
      JsonNode welcome = viewer.next("welcome");
      assertThat(welcome.get("notice").isNull()).isTrue();
      assertThat(welcome.get("labName").stringValue()).isEqualTo("Two namespaces and a veth pair");
      assertThat(welcome.at("/topology/hosts/0/namespaces").toString()).contains("\"saved\"");
      viewer.send(
          "{\"v\":2,\"type\":\"command\",\"requestId\":\"r3\",\"netns\":{\"host\":\"host1\","
              + "\"netns\":\"\"},\"line\":\"ip netns add forced\"}");
      JsonNode refused = viewer.next("error");
      assertThat(refused.get("reason").stringValue()).isEqualTo("READ_ONLY");
      assertThat(refused.get("requestId").stringValue()).isEqualTo("r3");
    }

    try (LabSocketClient editor = new LabSocketClient(port)) {
      editor.send(hello(id, created.get("editSecret").stringValue()));
      editor.next("welcome");
      editor.send(
          "{\"v\":2,\"type\":\"command\",\"requestId\":\"r4\",\"netns\":{\"host\":\"host1\","
              + "\"netns\":\"\"},\"line\":\"ip netns add edited\"}");
      assertThat(editor.next("commandResult").get("exit").intValue()).isZero();
    }

    try (LabSocketClient stranger = new LabSocketClient(port)) {
      stranger.send(hello(id, "not-the-secret"));
      JsonNode welcome = stranger.next("welcome");
      assertThat(welcome.get("notice").stringValue())
          .contains("not a link of this lab")
          .endsWith("This is the default lab.");
      assertThat(welcome.at("/topology/hosts/0/namespaces").toString()).doesNotContain("saved");
    }
  }

  private static String hello(String id, String secret) {
    return "{\"v\":2,\"type\":\"hello\",\"shared\":{\"id\":\""
        + id
        + "\",\"secret\":\""
        + secret
        + "\"}}";
  }

  private JsonNode create(String document) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/shared"))
                    .header("X-Packetwalk", "1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(document))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }
}
