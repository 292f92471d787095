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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A link to one moment of a saved lab, in two browsers: the author saves the lab, pings, steps to
 * step 5 and copies "Link to this step"; a second browser opens that link and lands on the same
 * lab, the ping played and paused at step 5 with the step highlighted and its headers shown.
 * Screenshot: target/screenshots/moment-link-opened.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MomentLinkBrowserTest {

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
  void aLinkToAStepOpensTheLabWithThatPacketPausedAtThatStep() throws IOException {
    author.openLabPage(port);
    new LabPageView(author).saveAsIs();
    author.find(By.id("share-lab")).click();
    assertThat(author.findAll(By.id("moment-link"))).as("no trace, no moment").isEmpty();

    author.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    Actions keys = new Actions(author.driver()).sendKeys(Keys.HOME);
    for (int i = 0; i < 5; i++) {
      keys.sendKeys(Keys.ARROW_RIGHT);
    }
    keys.perform();
    author.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".position"), "Step 5"));
    String link = author.find(By.id("moment-link")).getDomProperty("value");
    assertThat(link)
        .startsWith("http://localhost:" + port + "/shared/")
        .contains("?version=1&from=host1%2Fns1&ping=10.0.0.2&step=5");

    viewer.driver().get(link);
    viewer.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    viewer.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".position"), "Step 5 of"));
    String selected = viewer.find(By.cssSelector("#event-list [aria-selected='true']")).getText();
    String authors = author.find(By.cssSelector("#event-list [aria-selected='true']")).getText();
    assertThat(selected).isNotBlank().isEqualTo(authors);
    assertThat(viewer.find(By.id("play-pause")).getText()).startsWith("Play");
    assertThat(viewer.find(By.id("headers-panel")).getText())
        .isEqualTo(author.find(By.id("headers-panel")).getText())
        .contains("Target IP 10.0.0.2");
    viewer.screenshot("moment-link-opened.png");
  }
}
