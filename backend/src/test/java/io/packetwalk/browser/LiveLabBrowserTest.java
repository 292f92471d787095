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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A live lab in two browsers: both open the edit link; a namespace added in one browser's console
 * appears in the other's lab and command log. Then the second opens the view link, where "Follow
 * the presenter" is on; the first presents, pings and steps to step 5, and the follower's player
 * lands on the same step. Screenshots: target/screenshots/live-edit-seen.png, live-following.png,
 * live-presenting.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveLabBrowserTest {

  @RegisterExtension
  final HeadlessChromium presenter = new HeadlessChromium(Duration.ofSeconds(30));

  @RegisterExtension final HeadlessChromium other = new HeadlessChromium(Duration.ofSeconds(30));

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
  void anEditShowsInTheOtherBrowserAndAFollowerMovesWithThePresenter() throws IOException {
    presenter.openLabPage(port);
    new LabPageView(presenter).saveAsIs();
    String viewLink = presenter.find(By.id("view-link")).getDomProperty("value");
    String editLink = presenter.find(By.id("edit-link")).getDomProperty("value");

    open(presenter, editLink);
    open(other, editLink);
    assertThat(other.find(By.id("live-present")).isSelected()).isFalse();
    assertThat(other.find(By.id("live-follow")).isSelected())
        .as("an edit link does not follow until asked")
        .isFalse();

    new Select(presenter.find(By.id("console-netns"))).selectByValue("host1/");
    presenter.typeCommand("ip netns add ns3");
    other.until(driver -> hasNamespace(other, "host1/ns3"));
    other.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "Someone else ran a command"));
    assertThat(other.find(By.id("command-log")).getText()).contains("ip netns add ns3");
    other.screenshot("live-edit-seen.png");

    open(other, viewLink);
    assertThat(other.findAll(By.id("live-present"))).as("a view link cannot present").isEmpty();
    assertThat(other.find(By.id("live-follow")).isSelected()).isTrue();
    assertThat(hasNamespace(other, "host1/ns3")).as("the view link shows the live world").isTrue();

    presenter.find(By.id("live-present")).click();
    presenter.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    Actions keys = new Actions(presenter.driver()).sendKeys(Keys.HOME);
    for (int i = 0; i < 5; i++) {
      keys.sendKeys(Keys.ARROW_RIGHT);
    }
    keys.perform();
    presenter.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".position"), "Step 5"));
    other.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".position"), "Step 5 of"));
    String followed = other.find(By.cssSelector("#event-list [aria-selected='true']")).getText();
    assertThat(followed)
        .isNotBlank()
        .isEqualTo(presenter.find(By.cssSelector("#event-list [aria-selected='true']")).getText());
    assertThat(other.find(By.id("headers-panel")).getText())
        .isEqualTo(presenter.find(By.id("headers-panel")).getText());
    other.screenshot("live-following.png");
    presenter.screenshot("live-presenting.png");

    other.find(By.id("live-follow")).click();
    presenter.find(By.tagName("body")).sendKeys(Keys.ARROW_RIGHT);
    presenter.until(
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".position"), "Step 6"));
    assertThat(other.find(By.cssSelector(".position")).getText())
        .as("a tab that stopped following stays where it is")
        .startsWith("Step 5 of");
  }

  private static void open(HeadlessChromium browser, String link) {
    browser.driver().get(link);
    browser.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    browser.until(ExpectedConditions.presenceOfElementLocated(By.id("live-follow")));
  }

  private static boolean hasNamespace(HeadlessChromium browser, String value) {
    for (WebElement option : browser.findAll(By.cssSelector("#ping-from option"))) {
      if (value.equals(option.getDomAttribute("value"))) {
        return true;
      }
    }
    return false;
  }
}
