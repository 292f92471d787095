package io.packetwalk.share;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * The limits of saved labs answer with clear JSON errors: size, saves per lab, labs per address.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "packetwalk.share.max-document-size=16KB",
      "packetwalk.share.versions-per-minute=3",
      "packetwalk.share.labs-per-minute-per-address=3"
    })
class SharedLabLimitsTest {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void limitsAreExplained() throws Exception {
    SharedLabHttp http = new SharedLabHttp(port);
    String document = SharedLabApiTest.DOCUMENT;

    String huge = document.replace("\"notes\": \"", "\"notes\": \"" + "x".repeat(20_000));
    assertThat(huge).isNotEqualTo(document);
    HttpResponse<String> tooLarge = http.send("POST", "/api/shared", null, huge);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(SharedLabHttp.json(tooLarge).get("error").asString())
        .isEqualTo("DOCUMENT_TOO_LARGE");
    assertThat(SharedLabHttp.json(tooLarge).get("message").asString()).contains("16384 bytes");

    JsonNode lab = http.create(document);
    String versions = "/api/shared/" + lab.get("id").asString() + "/versions";
    String edit = lab.get("editSecret").asString();
    assertThat(http.send("POST", versions, edit, document).statusCode()).isEqualTo(201);
    assertThat(http.send("POST", versions, edit, document).statusCode()).isEqualTo(201);
    HttpResponse<String> fourth = http.send("POST", versions, edit, document);
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
    assertThat(SharedLabHttp.json(fourth).get("error").asString()).isEqualTo("TOO_MANY_VERSIONS");
    assertThat(SharedLabHttp.json(http.send("GET", versions, edit, null)).size()).isEqualTo(3);

    http.create(document);
    http.create(document);
    HttpResponse<String> fourthLab = http.send("POST", "/api/shared", null, document);
    assertThat(fourthLab.statusCode()).isEqualTo(429);
    assertThat(SharedLabHttp.json(fourthLab).get("error").asString()).isEqualTo("TOO_MANY_LABS");
  }
}
