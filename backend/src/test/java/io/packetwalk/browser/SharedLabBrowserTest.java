package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Saved labs in two browsers: the author changes the lab, saves it with Ctrl+S under a title and
 * notes that try to inject HTML and a javascript: link, and copies the view link; a second browser
 * opens it and sees the same lab read-only (no console, no Save, its notes as text), and the server
 * refuses a save forced with the view secret; after the author makes a new view link, the old one
 * shows the revoked page. Screenshots under target/screenshots/shared-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SharedLabBrowserTest {

  private static final String TITLE = "Class lab <img src=x onerror=window.pwned=1>";
  private static final String NOTES =
      "# Read me\n\nPing **ns2**. <img src=x onerror=window.pwned=1>\n\n"
          + "[do not click](javascript:window.pwned=1) and [the kernel](https://kernel.org)";

  @RegisterExtension final HeadlessChromium author = new HeadlessChromium(Duration.ofSeconds(30));
  @RegisterExtension final HeadlessChromium viewer = new HeadlessChromium(Duration.ofSeconds(30));

  @TempDir static Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("packetwalk.db.path", () -> dir.resolve("labs").toString());
  }

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void aSavedLabOpensReadOnlyByItsViewLinkUntilTheLinkIsRevoked() throws IOException {
    author.openLabPage(port);
    author.typeCommand("ip netns add saved1");
    author.until(
        ExpectedConditions.attributeContains(By.id("console-netns"), "innerHTML", "saved1"));
    author.typeCommand("ip netns exec saved1 ping -c 1 -W 1 127.0.0.1");
    author.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#probes .probe-count"), "(2)"));

    author.find(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
    author.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-dialog-save")));
    author.execute(
        "const set = (el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles:"
            + " true})); }; set(arguments[0], arguments[2]); set(arguments[1], arguments[3]);",
        author.find(By.id("save-title")),
        author.find(By.id("save-notes")),
        TITLE,
        NOTES);
    author.find(By.id("save-confirm")).click();
    author.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-link")));
    String viewLink = author.find(By.id("view-link")).getDomProperty("value");
    String editLink = author.find(By.id("edit-link")).getDomProperty("value");
    assertThat(viewLink).startsWith("http://localhost:" + port + "/shared/");
    assertThat(author.driver().getCurrentUrl()).isEqualTo(editLink);
    author.screenshot("shared-author-links.png");

    author.find(By.id("share-lab")).click();
    author.find(By.tagName("body")).sendKeys(Keys.chord(Keys.CONTROL, "s"));
    author.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("share-message"), "version 2"));
    author.find(By.id("lab-history")).click();
    author.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#version-list li"), 2));
    author.screenshot("shared-author-history.png");

    viewer.driver().get(viewLink);
    viewer.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    viewer.until(ExpectedConditions.visibilityOfElementLocated(By.id("read-only-badge")));
    viewer.until(ExpectedConditions.attributeContains(By.id("ping-from"), "innerHTML", "saved1"));
    assertThat(viewer.findAll(By.id("console-input"))).isEmpty();
    assertThat(viewer.findAll(By.id("save-lab"))).isEmpty();
    assertThat(viewer.findAll(By.cssSelector(".canvas-palette")))
        .as("no editing palette")
        .isEmpty();
    assertThat(viewer.findAll(By.cssSelector(".command-log"))).isEmpty();
    assertThat(viewer.find(By.id("lab-title")).getText()).startsWith(TITLE);
    assertThat(viewer.findAll(By.cssSelector("#lab-notes img, #lab-title img"))).isEmpty();
    assertThat(viewer.find(By.id("lab-notes-text")).getText())
        .contains("<img src=x onerror=window.pwned=1>")
        .contains("[do not click](javascript:window.pwned=1)");
    assertThat(
            viewer.findAll(By.cssSelector("#lab-notes a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList())
        .containsExactly("https://kernel.org");
    assertThat(viewer.execute("return window.pwned === undefined")).isEqualTo(true);
    viewer.find(By.cssSelector("#probes > summary")).click();
    assertThat(
            viewer.findAll(By.cssSelector("#probes li.probe .probe-label")).stream()
                .map(WebElement::getText)
                .toList())
        .as("the built-in lab's probe, and the one typed before saving")
        .containsExactly(
            "ping 10.0.0.2 from ns1", "ip netns exec saved1 ping -c 1 -W 1 127.0.0.1 in ns1");
    viewer.screenshot("shared-viewer-read-only.png");

    String[] parts = viewLink.split("/");
    Object forced =
        viewer
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch('/api/shared/' + arguments[0] + '/versions', {method: 'POST',"
                    + " headers: {'X-Packetwalk': '1', 'X-Lab-Secret': arguments[1],"
                    + " 'Content-Type': 'application/json'}, body: '{}'})"
                    + ".then(r => done(r.status), e => done(String(e)));",
                parts[parts.length - 2],
                parts[parts.length - 1]);
    assertThat(forced).isEqualTo(403L);

    author.find(By.id("share-lab")).click();
    author.until(ExpectedConditions.elementToBeClickable(By.id("rotate-view"))).click();
    author.until(
        ExpectedConditions.not(
            ExpectedConditions.attributeToBe(By.id("view-link"), "value", viewLink)));
    viewer.driver().get(viewLink);
    viewer.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("shared-link-title"), "This link was revoked"));
    viewer.screenshot("shared-viewer-revoked.png");
  }
}
