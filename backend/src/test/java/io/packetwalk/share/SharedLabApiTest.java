package io.packetwalk.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/shared} and the link pages inside the whole server: the life of a lab through HTTP,
 * and every endpoint refusing a missing, wrong, revoked or view-only secret with the right status
 * while nothing in the database changes.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "packetwalk.share.versions-per-minute=1000",
      "packetwalk.share.labs-per-minute-per-address=1000"
    })
class SharedLabApiTest {

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  /** One endpoint and the permission it needs. */
  record Endpoint(String method, String path, Permission needs, boolean sendsDocument) {}

  static final String DOCUMENT = SharedLabStoreContract.resource("two-pods-on-a-bridge.json");

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcTemplate jdbc;

  SharedLabHttp http;

  @BeforeEach
  void client() {
    http = new SharedLabHttp(port);
  }

  static List<Endpoint> endpoints(String id) {
    String lab = "/api/shared/" + id;
    return List.of(
        new Endpoint("GET", lab, Permission.VIEW, false),
        new Endpoint("GET", lab + "/versions", Permission.VIEW, false),
        new Endpoint("GET", lab + "/versions/latest", Permission.VIEW, false),
        new Endpoint("GET", lab + "/versions/1", Permission.VIEW, false),
        new Endpoint("POST", lab + "/versions", Permission.EDIT, true),
        new Endpoint("POST", lab + "/versions/1/restore", Permission.EDIT, false),
        new Endpoint("POST", lab + "/fork", Permission.VIEW, false),
        new Endpoint("POST", lab + "/links/view/rotate", Permission.EDIT, false),
        new Endpoint("POST", lab + "/links/edit/rotate", Permission.EDIT, false),
        new Endpoint("POST", lab + "/links/view/revoke", Permission.EDIT, false),
        new Endpoint("POST", lab + "/links/edit/revoke", Permission.EDIT, false));
  }

  /** Everything the database holds, to compare before and after refused requests. */
  private List<List<Map<String, Object>>> everything() {
    return List.of(
        jdbc.queryForList("SELECT * FROM shared_lab ORDER BY id"),
        jdbc.queryForList(
            "SELECT lab_id, version_number, document_sha256 FROM shared_lab_version"
                + " ORDER BY lab_id, version_number"),
        jdbc.queryForList("SELECT * FROM shared_lab_link ORDER BY secret_hash"));
  }

  @Test
  void aLabLivesThroughHttp() throws Exception {
    JsonNode created = http.create(DOCUMENT);
    String id = created.get("id").asString();
    String view = created.get("viewSecret").asString();
    String edit = created.get("editSecret").asString();
    assertThat(created.get("viewLink").asString())
        .isEqualTo("http://localhost:" + port + "/shared/" + id + "/" + view);
    assertThat(created.get("version").asInt()).isEqualTo(1);

    String renamed = DOCUMENT.replace("\"Two pods on one bridge\"", "\"Renamed\"");
    HttpResponse<String> saved =
        http.send("POST", "/api/shared/" + id + "/versions", edit, renamed);
    assertThat(saved.statusCode()).isEqualTo(201);
    assertThat(SharedLabHttp.json(saved).get("version").asInt()).isEqualTo(2);

    HttpResponse<String> latest =
        http.send("GET", "/api/shared/" + id + "/versions/latest", view, null);
    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(latest.headers().firstValue("X-Lab-Version")).hasValue("2");
    assertThat(SharedLabHttp.json(latest).get("name").asString()).isEqualTo("Renamed");

    HttpResponse<String> restored =
        http.send("POST", "/api/shared/" + id + "/versions/1/restore", edit, null);
    assertThat(SharedLabHttp.json(restored).get("version").asInt()).isEqualTo(3);

    JsonNode versions =
        SharedLabHttp.json(http.send("GET", "/api/shared/" + id + "/versions", view, null));
    assertThat(versions).hasSize(3);
    assertThat(versions.get(2).get("restoredFrom").asInt()).isEqualTo(1);

    HttpResponse<String> forked = http.send("POST", "/api/shared/" + id + "/fork", view, null);
    assertThat(forked.statusCode()).isEqualTo(201);
    JsonNode fork = SharedLabHttp.json(forked);
    assertThat(fork.get("id").asString()).isNotEqualTo(id);
    JsonNode forkInfo =
        SharedLabHttp.json(
            http.send(
                "GET",
                "/api/shared/" + fork.get("id").asString(),
                fork.get("editSecret").asString(),
                null));
    assertThat(forkInfo.get("permission").asString()).isEqualTo("EDIT");
    assertThat(forkInfo.get("forkedFrom").asString()).isEqualTo(id);

    HttpResponse<String> rotated =
        http.send("POST", "/api/shared/" + id + "/links/view/rotate", edit, null);
    String newView = SharedLabHttp.json(rotated).get("secret").asString();
    assertThat(http.send("GET", "/api/shared/" + id, newView, null).statusCode()).isEqualTo(200);
    HttpResponse<String> old = http.send("GET", "/api/shared/" + id, view, null);
    assertThat(old.statusCode()).isEqualTo(410);
    assertThat(SharedLabHttp.json(old).get("error").asString()).isEqualTo("LINK_REVOKED");
    assertThat(SharedLabHttp.json(old).get("message").asString()).contains("was revoked");
  }

  @Test
  void theLinkPageOpensTheLabOrSaysTheLinkWasRevoked() throws Exception {
    JsonNode created = http.create(DOCUMENT);
    String id = created.get("id").asString();
    String view = created.get("viewSecret").asString();
    String edit = created.get("editSecret").asString();

    HttpResponse<String> live = http.send("GET", "/shared/" + id + "/" + view, null, null);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("/assets/packetwalk.js");

    http.send("POST", "/api/shared/" + id + "/links/view/revoke", edit, null);
    HttpResponse<String> revoked = http.send("GET", "/shared/" + id + "/" + view, null, null);
    assertThat(revoked.statusCode()).isEqualTo(410);
    assertThat(revoked.body()).contains("This link was revoked").doesNotContain("packetwalk.js");

    HttpResponse<String> unknown = http.send("GET", "/shared/" + id + "/nonsense", null, null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("No lab at this link");
  }

  @Test
  void everyEndpointRefusesAMissingWrongOrViewOnlySecretAndChangesNothing() throws Exception {
    JsonNode created = http.create(DOCUMENT);
    JsonNode other = http.create(DOCUMENT);
    String id = created.get("id").asString();
    String view = created.get("viewSecret").asString();
    String wrong = other.get("editSecret").asString();
    var before = everything();

    for (Endpoint endpoint : endpoints(id)) {
      String body = endpoint.sendsDocument() ? DOCUMENT : null;
      expect(endpoint, null, body, 401, "SECRET_MISSING");
      expect(endpoint, wrong, body, 403, "SECRET_WRONG");
      expect(endpoint, "not-a-secret-at-all", body, 403, "SECRET_WRONG");
      if (endpoint.needs() == Permission.EDIT) {
        expect(endpoint, view, body, 403, "VIEW_ONLY");
      }
    }

    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void everyEndpointAnswersARevokedLinkWith410AndChangesNothing() throws Exception {
    JsonNode created = http.create(DOCUMENT);
    String id = created.get("id").asString();
    String view = created.get("viewSecret").asString();
    String edit = created.get("editSecret").asString();
    http.send("POST", "/api/shared/" + id + "/links/view/rotate", edit, null);
    String newEdit =
        SharedLabHttp.json(
                http.send("POST", "/api/shared/" + id + "/links/edit/rotate", edit, null))
            .get("secret")
            .asString();
    var before = everything();

    for (Endpoint endpoint : endpoints(id)) {
      String body = endpoint.sendsDocument() ? DOCUMENT : null;
      expect(endpoint, edit, body, 410, "LINK_REVOKED");
      expect(endpoint, view, body, 410, "LINK_REVOKED");
    }

    assertThat(everything()).isEqualTo(before);
    assertThat(http.send("GET", "/api/shared/" + id, newEdit, null).statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownLabIs404AndABadDocumentIsExplained() throws Exception {
    HttpResponse<String> missing = http.send("GET", "/api/shared/nope", "x", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(SharedLabHttp.json(missing).get("error").asString()).isEqualTo("LAB_NOT_FOUND");

    HttpResponse<String> notJson = http.send("POST", "/api/shared", null, "{nope");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(SharedLabHttp.json(notJson).get("error").asString()).isEqualTo("LAB_NOT_JSON");

    HttpResponse<String> invalid =
        http.send("POST", "/api/shared", null, "{\"schemaVersion\": 1, \"hosts\": 3}");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(SharedLabHttp.json(invalid).get("problems")).isNotEmpty();

    JsonNode created = http.create(DOCUMENT);
    HttpResponse<String> noVersion =
        http.send(
            "GET",
            "/api/shared/" + created.get("id").asString() + "/versions/7",
            created.get("viewSecret").asString(),
            null);
    assertThat(noVersion.statusCode()).isEqualTo(404);
    assertThat(SharedLabHttp.json(noVersion).get("message").asString())
        .isEqualTo(
            "Lab \""
                + created.get("id").asString()
                + "\" has versions 1 to 1; there is no version 7.");
    HttpResponse<String> notANumber =
        http.send(
            "GET",
            "/api/shared/" + created.get("id").asString() + "/versions/seven",
            created.get("viewSecret").asString(),
            null);
    assertThat(notANumber.statusCode()).isEqualTo(400);
  }

  private void expect(Endpoint endpoint, String secret, String body, int status, String error)
      throws Exception {
    HttpResponse<String> response = http.send(endpoint.method(), endpoint.path(), secret, body);
    assertThat(response.statusCode())
        .as("%s %s with secret %s: %s", endpoint.method(), endpoint.path(), secret, response.body())
        .isEqualTo(status);
    assertThat(SharedLabHttp.json(response).get("error").asString())
        .as("%s %s", endpoint.method(), endpoint.path())
        .isEqualTo(error);
  }
}
