package io.packetwalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The page shell and the icon, as a browser fetches them. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabPageTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  @Test
  void theRootServesThePageShellThatLoadsTheFrontendBundle() throws Exception {
    HttpResponse<String> page = get("/", "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("<title>Packetwalk</title>")
        .contains("<link rel=\"stylesheet\" href=\"/assets/packetwalk.css\">")
        .contains("<div id=\"app\"></div>")
        .contains("<script type=\"module\" src=\"/assets/packetwalk.js\"></script>");
  }

  @Test
  void theIconIsServedAtBothAddresses() throws Exception {
    for (String path : new String[] {"/favicon.ico", "/favicon.svg"}) {
      HttpResponse<String> icon = get(path, "image/*");
      assertThat(icon.statusCode()).as(path).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type").orElseThrow())
          .as(path)
          .startsWith("image/svg+xml");
      assertThat(icon.body()).as(path).startsWith("<svg");
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", accept)
            .GET()
            .build();
    return http.send(request, BodyHandlers.ofString());
  }
}
