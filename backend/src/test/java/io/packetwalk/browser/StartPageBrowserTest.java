package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The start page in real headless Chromium: the page opened with no lab, link or tab session lists
 * every built-in lab with its notes; one opened from the keyboard is ready to play (a ping walks
 * it); Escape keeps the default lab; a lab's own address shows no start page. Screenshots under
 * target/screenshots/start-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StartPageBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void listsTheLabsWithTheirNotesAndOpensOneFromTheKeyboardReadyToPlay() throws IOException {
    chromium.driver().get("http://localhost:" + port + "/");
    WebElement start =
        chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-page")));
    assertThat(start.getAccessibleName()).isEqualTo("Start with a ready-made lab");
    assertThat(chromium.driver().switchTo().activeElement().getText())
        .as("the start page has the focus")
        .isEqualTo("Start with a ready-made lab");
    List<WebElement> labs = chromium.findAll(By.cssSelector("#start-page .start-lab"));
    assertThat(labs.stream().map(lab -> lab.getDomAttribute("data-lab")))
        .contains(
            "two-namespaces",
            "bridge-two-containers",
            "masquerade",
            "publish-port",
            "br-netfilter",
            "router-namespace",
            "flannel-vxlan");
    WebElement bridge =
        chromium.find(By.cssSelector("#start-page .start-lab[data-lab='bridge-two-containers']"));
    assertThat(bridge.findElement(By.tagName("h3")).getText())
        .isEqualTo("Two containers on a bridge");
    assertThat(bridge.findElement(By.tagName("p")).getText())
        .contains("Docker's default bridge network")
        .contains("Ping 172.17.0.3 from c1");
    WebElement open = bridge.findElement(By.tagName("button"));
    assertThat(open.getAccessibleName()).isEqualTo("Open Two containers on a bridge");
    chromium.screenshot("start-page.png");

    // Tab from the heading to the first Open button, then on to this lab's, and press Enter.
    Actions keys = new Actions(chromium.driver());
    int index = labs.indexOf(bridge);
    for (int i = 0; i <= index; i++) {
      keys.sendKeys(Keys.TAB);
    }
    keys.perform();
    assertThat(chromium.driver().switchTo().activeElement()).isEqualTo(open);
    new Actions(chromium.driver()).sendKeys(Keys.ENTER).perform();

    chromium.until(ExpectedConditions.urlContains("?lab=bridge-two-containers"));
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".lab-name"), "Two containers on a bridge"));
    chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("lab-picker")));
    assertThat(chromium.findAll(By.id("start-page"))).as("a lab's own address").isEmpty();
    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/c1']")));
    chromium.pingAndAwaitReply("host1/c1", "172.17.0.3");
    chromium.screenshot("start-opened-bridge-lab.png");
  }

  @Test
  void escapeKeepsTheDefaultLab() throws IOException {
    chromium.driver().get("http://localhost:" + port + "/");
    chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-page")));
    new Actions(chromium.driver()).sendKeys(Keys.ESCAPE).perform();
    chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("start-page")));
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    chromium.screenshot("start-escaped-default-lab.png");

    chromium.driver().navigate().refresh();
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("lab-picker")));
    assertThat(chromium.findAll(By.id("start-page")))
        .as("a reload resumes the tab's lab")
        .isEmpty();
  }
}
