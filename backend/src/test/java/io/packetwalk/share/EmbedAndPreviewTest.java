package io.packetwalk.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The embed page and link previews through HTTP: which pages may be framed, the OpenGraph and
 * Twitter meta of a link page with a title and notes that try to inject HTML, the preview picture
 * (a 1200×630 PNG reached by a token that is not the view secret), and revoked links. The pictures
 * land in target/previews/ to be looked at.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "packetwalk.share.versions-per-minute=1000",
      "packetwalk.share.labs-per-minute-per-address=1000"
    })
class EmbedAndPreviewTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TITLE = "Pods \"quoted\" & 'single' <img src=x onerror=alert(1)>";
  private static final String NOTES =
      "# Read me\n\nPing **c2** from c1. <img src=x onerror=alert(1)>\n\n"
          + "[the kernel](https://kernel.org) \"and\" done";

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  private final HttpClient client = HttpClient.newHttpClient();
  private SharedLabHttp http;

  @BeforeEach
  void setUp() {
    http = new SharedLabHttp(port);
  }

  @Test
  void onlyTheEmbedPageMayBeFramed() throws Exception {
    JsonNode lab = http.create(SharedLabApiTest.DOCUMENT);
    String id = lab.get("id").asString();
    String view = lab.get("viewSecret").asString();

    HttpResponse<String> embed = get("/embed/" + id + "/" + view);
    assertThat(embed.statusCode()).isEqualTo(200);
    assertThat(embed.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors *")
        .doesNotContain("frame-ancestors 'none'")
        .contains("script-src 'self'");
    assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(embed.body()).contains("/assets/packetwalk.js");

    for (String path :
        new String[] {"/", "/shared/" + id + "/" + view, "/api/shared/" + id, "/favicon.svg"}) {
      HttpResponse<String> other = get(path);
      assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow())
          .as(path)
          .contains("frame-ancestors 'none'")
          .doesNotContain("frame-ancestors *");
      assertThat(other.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(other.headers().firstValue("Cross-Origin-Resource-Policy"))
          .as(path)
          .hasValue("same-origin");
    }
  }

  @Test
  void anEmbedRefusesAnEditLinkAndShowsTheRevokedPageLikeAViewLink() throws Exception {
    JsonNode lab = http.create(SharedLabApiTest.DOCUMENT);
    String id = lab.get("id").asString();
    String view = lab.get("viewSecret").asString();
    String edit = lab.get("editSecret").asString();

    HttpResponse<String> editEmbed = get("/embed/" + id + "/" + edit);
    assertThat(editEmbed.statusCode()).isEqualTo(403);
    assertThat(editEmbed.body()).contains("Embed the view link").doesNotContain("packetwalk.js");

    HttpResponse<String> wrong = get("/embed/" + id + "/" + "A".repeat(32));
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).contains("No lab at this link");
    assertThat(get("/shared/" + id + "/" + "A".repeat(32)).body()).contains("No lab at this link");

    String image = metaContent(get("/shared/" + id + "/" + view).body(), "og:image");
    assertThat(
            http.send("POST", "/api/shared/" + id + "/links/view/revoke", edit, null).statusCode())
        .isEqualTo(200);
    for (String path : new String[] {"/embed/" + id + "/" + view, "/shared/" + id + "/" + view}) {
      HttpResponse<String> revoked = get(path);
      assertThat(revoked.statusCode()).as(path).isEqualTo(410);
      assertThat(revoked.body()).as(path).contains("This link was revoked");
      assertThat(revoked.body()).as(path).doesNotContain("og:image");
    }
    assertThat(
            get("/embed/" + id + "/" + view)
                .headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow())
        .as("the revoked page shows inside the reader's iframe")
        .contains("frame-ancestors *");
    HttpResponse<byte[]> picture = bytes(image);
    assertThat(picture.statusCode()).as("a revoked link's picture").isEqualTo(410);
  }

  @Test
  void aLinkPageCarriesEscapedPreviewMetaAndItsPictureNeedsNoSecret() throws Exception {
    ObjectNode document = (ObjectNode) JSON.readTree(SharedLabApiTest.DOCUMENT);
    document.put("name", TITLE);
    document.put("notes", NOTES);
    JsonNode lab = http.create(JSON.writeValueAsString(document));
    String id = lab.get("id").asString();
    String view = lab.get("viewSecret").asString();
    String edit = lab.get("editSecret").asString();

    for (String path : new String[] {"/shared/" + id + "/" + view, "/embed/" + id + "/" + view}) {
      String page = get(path).body();
      String head = page.substring(0, page.indexOf("</head>"));
      assertThat(head).as(path).doesNotContain("<img").doesNotContain("onerror=alert(1)>");
      assertThat(head)
          .contains("&lt;img src=x onerror=alert(1)&gt;")
          .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
          .doesNotContain(view)
          .doesNotContain(edit);
      assertThat(metaContent(page, "og:title")).isEqualTo(TITLE);
      assertThat(metaContent(page, "twitter:title")).isEqualTo(TITLE);
      assertThat(metaContent(page, "og:description"))
          .isEqualTo(
              "Read me Ping c2 from c1. <img src=x onerror=alert(1)> the kernel \"and\" done");
      assertThat(metaContent(page, "twitter:image")).isEqualTo(metaContent(page, "og:image"));
      assertThat(metaContent(page, "og:image"))
          .startsWith("http://localhost:" + port + "/preview/" + id + "/")
          .endsWith("/1.png");
    }

    String image = metaContent(get("/shared/" + id + "/" + view).body(), "og:image");
    HttpResponse<byte[]> picture = bytes(image);
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(picture.headers().firstValue("Cross-Origin-Resource-Policy"))
        .hasValue("cross-origin");
    assertThat(picture.headers().firstValue("Cache-Control").orElseThrow()).contains("public");
    BufferedImage png = ImageIO.read(new ByteArrayInputStream(picture.body()));
    assertThat(png.getWidth()).isEqualTo(1200);
    assertThat(png.getHeight()).isEqualTo(630);
    assertThat(picture.body().length).isBetween(5_000, 1_000_000);
    save("two-pods.png", picture.body());

    String token = image.split("/")[5];
    assertThat(token).isNotEqualTo(view).hasSize(22);
    String wrongToken = image.replace(token, "B".repeat(22));
    assertThat(bytes(wrongToken).statusCode()).isEqualTo(404);
    assertThat(bytes(image.replace("/1.png", "/2.png")).statusCode()).isEqualTo(404);
    HttpResponse<String> apiWithToken = http.send("GET", "/api/shared/" + id, token, null);
    assertThat(apiWithToken.statusCode()).as("a preview token opens nothing else").isEqualTo(403);
    assertThat(get("/shared/" + id + "/" + token).statusCode()).isEqualTo(404);

    String editImage = metaContent(get("/shared/" + id + "/" + edit).body(), "og:image");
    assertThat(editImage).as("each link has its own token").isNotEqualTo(image);
  }

  @Test
  void aPictureShowsHostsNamespacesBridgesAndTheUnderlayOfAnImportedLab() throws Exception {
    String script =
        new String(
            getClass().getResourceAsStream("/labs/flannel-vxlan.sh").readAllBytes(),
            StandardCharsets.UTF_8);
    HttpResponse<String> imported =
        client.send(
            HttpRequest.newBuilder(uri("/api/labs/import-script?name=Flannel%20VXLAN"))
                .header("X-Packetwalk", "1")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(script))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(imported.statusCode()).isEqualTo(200);
    JsonNode lab = http.create(imported.body());
    String page =
        get("/shared/" + lab.get("id").asString() + "/" + lab.get("viewSecret").asString()).body();
    assertThat(metaContent(page, "og:description"))
        .isEqualTo("A Packetwalk lab: 2 hosts and 6 network namespaces (host1, host2).");
    HttpResponse<byte[]> picture = bytes(metaContent(page, "og:image"));
    assertThat(picture.statusCode()).isEqualTo(200);
    save("flannel-vxlan.png", picture.body());
    HttpResponse<byte[]> again = bytes(metaContent(page, "og:image"));
    assertThat(again.body()).as("the cached picture").isEqualTo(picture.body());
  }

  private static String metaContent(String page, String property) {
    Matcher matcher =
        Pattern.compile(
                "<meta (?:property|name)=\"" + Pattern.quote(property) + "\" content=\"([^\"]*)\">")
            .matcher(page);
    assertThat(matcher.find()).as(property + " in " + page).isTrue();
    return unescape(matcher.group(1));
  }

  private static String unescape(String attribute) {
    return attribute
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static void save(String name, byte[] png) throws Exception {
    Path out = Path.of("target", "previews", name);
    Files.createDirectories(out.getParent());
    Files.write(out, png);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> bytes(String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
