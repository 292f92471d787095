package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A dropped connection does not lose the lab: the page reconnects by itself, resumes its session,
 * and the namespace added before the drop is still there — in the server's world and on the page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReconnectBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void aDroppedConnectionResumesTheSameLab() throws IOException {
    chromium.openLabPage(port);
    chromium.typeCommand("ip netns add extra");
    chromium.until(
        ExpectedConditions.attributeContains(By.id("console-netns"), "innerHTML", "extra"));

    chromium.execute("window.packetwalk.dropConnection()");
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));

    chromium.typeCommand("ip netns list");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("console-output"), "extra"));
    assertThat(chromium.find(By.id("console-netns")).getDomProperty("innerHTML")).contains("extra");
    assertThat(chromium.findAll(By.id("notice-banner"))).isEmpty();
    assertThat(chromium.findAll(By.id("error-banner"))).isEmpty();
    chromium.screenshot("lab-after-reconnect.png");
  }

  @Test
  void aSessionTheServerNoLongerHasGivesAFreshLabAndSaysSo() throws IOException {
    chromium.openLabPage(port);
    chromium.execute(
        "sessionStorage.setItem('packetwalk.session', JSON.stringify({id: 'gone', secret: 'x'}));"
            + " window.packetwalk.dropConnection();");
    chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-banner")));
    assertThat(chromium.find(By.id("notice-banner")).getText()).contains("no longer kept");
    chromium.screenshot("lab-resume-notice.png");
    chromium.find(By.id("notice-dismiss")).click();
    assertThat(chromium.findAll(By.id("notice-banner"))).isEmpty();
  }
}
