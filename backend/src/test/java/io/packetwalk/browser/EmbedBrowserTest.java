package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embed page inside another site: the author saves a lab and copies the iframe snippet from the
 * Share dialog; a course page on another origin (127.0.0.1 on its own port) pastes it, with a
 * moment's query, beside an iframe of the plain view link. The embed renders the lab read-only (no
 * console, palette, command log or share controls), plays to the moment's step and links to the lab
 * in Packetwalk; the view link's frame is refused. Screenshots under target/screenshots/embed-*.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EmbedBrowserTest {

  private static final String TITLE = "Course \"lab\" <img src=x onerror=window.pwned=1>";

  @RegisterExtension final HeadlessChromium author = new HeadlessChromium(Duration.ofSeconds(30));
  @RegisterExtension final HeadlessChromium reader = new HeadlessChromium(Duration.ofSeconds(30));

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  private HttpServer coursePage;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @AfterEach
  void stopCoursePage() {
    if (coursePage != null) {
      coursePage.stop(0);
    }
  }

  @Test
  void anotherSiteFramesTheEmbedPageReadOnlyButNotTheLabPage() throws IOException {
    author.driver().get("http://localhost:" + port + "/?lab=bridge-two-containers");
    author.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    author.find(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
    author.until(ExpectedConditions.visibilityOfElementLocated(By.id("save-title")));
    author.execute(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        author.find(By.id("save-title")),
        TITLE);
    author.find(By.id("save-confirm")).click();
    author.until(ExpectedConditions.visibilityOfElementLocated(By.id("embed-snippet")));
    String viewLink = author.find(By.id("view-link")).getDomProperty("value");
    String snippet = author.find(By.id("embed-snippet")).getDomProperty("value");
    author.screenshot("embed-share-dialog.png");

    String embedLink = viewLink.replace("/shared/", "/embed/");
    assertThat(snippet)
        .startsWith("<iframe src=\"" + embedLink + "\"")
        .contains("title=\"Course &quot;lab&quot; &lt;img src=x onerror=window.pwned=1&gt;\"");
    Matcher src = Pattern.compile("src=\"([^\"]+)\"").matcher(snippet);
    assertThat(src.find()).isTrue();
    String moment = "?from=host1%2Fc1&ping=172.17.0.3&step=3";
    String page =
        "<!doctype html><html><head><title>Course page</title></head><body>"
            + "<h1>Week 3: bridges</h1><p>Step through the ping below.</p>"
            + snippet.replace(src.group(1), src.group(1) + moment)
            + "<p>The lab page itself may not be framed:</p>"
            + "<iframe id=\"framed-lab\" src=\""
            + viewLink
            + "\" width=\"400\" height=\"120\"></iframe></body></html>";
    String course = serve(page);

    reader.driver().get(course);
    reader.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe")));
    reader.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".position"), "Step 3 of"));
    assertThat(reader.find(By.id("embed-title")).getText()).isEqualTo(TITLE);
    assertThat(reader.findAll(By.cssSelector("#embed-title img"))).isEmpty();
    assertThat(reader.findAll(By.cssSelector("#event-list [aria-selected='true']"))).hasSize(1);
    assertThat(reader.findAll(By.cssSelector("canvas"))).isNotEmpty();
    assertThat(reader.findAll(By.id("console-input"))).as("no console").isEmpty();
    assertThat(reader.findAll(By.cssSelector(".canvas-palette"))).as("no palette").isEmpty();
    assertThat(reader.findAll(By.cssSelector(".command-log"))).isEmpty();
    assertThat(reader.findAll(By.id("save-lab"))).isEmpty();
    assertThat(reader.findAll(By.id("share-lab"))).isEmpty();
    assertThat(reader.find(By.id("embed-open")).getDomAttribute("href")).isEqualTo(viewLink);
    assertThat(reader.find(By.id("embed-open")).getDomAttribute("target")).isEqualTo("_blank");
    assertThat(reader.execute("return window.pwned === undefined")).isEqualTo(true);

    reader.find(By.id("step-forward")).click();
    reader.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".position"), "Step 4 of"));
    reader.find(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    reader.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".position"), "Step 5 of"));

    reader.driver().switchTo().defaultContent();
    reader.screenshot("embed-course-page.png");
    reader.execute("document.getElementById('framed-lab').scrollIntoView()");
    reader.screenshot("embed-lab-page-refused.png");
    reader.driver().switchTo().frame(reader.find(By.id("framed-lab")));
    assertThat(reader.findAll(By.id("app"))).as("the lab page refuses to be framed").isEmpty();
    reader.driver().switchTo().defaultContent();
  }

  /** Serves {@code html} at / on 127.0.0.1 (another origin than the app's localhost). */
  private String serve(String html) throws IOException {
    coursePage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    coursePage.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    coursePage.start();
    return "http://127.0.0.1:" + coursePage.getAddress().getPort() + "/";
  }
}
