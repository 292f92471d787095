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
 * The player in real headless Chromium, driven by real mouse clicks and key presses: a ping from
 * ns1, the event list's filters and keys, the header inspector, and the namespace inspector whose
 * neighbour table rewinds when the cursor steps back. Screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlayerBrowserTest {

  private static final String NS1_NEIGHBOUR_AT_END =
      "10.0.0.2 dev veth1 lladdr 02:00:00:00:00:02 REACHABLE";

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));
  private final LabPageView page = new LabPageView(chromium);

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void pingStepForwardAndBackRewindsTheNeighbourTableAndTheListAndHeadersFollow()
      throws IOException {
    chromium.openLabPage(port);
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("inspector-netns"), "value", "host1/ns1"));
    chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("state-neighbours")));
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");

    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    // The cursor starts before the first step, so the tables show the lab before the ping.
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("inspector-when"), "As of before step 1 of"));
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");
    List<String> kinds = LabPageView.attributes(page.rows(), "data-kind");
    assertThat(kinds).contains("ARP_REQUEST_SENT", "WIRE", "ROUTE_LOOKUP", "SOCKET_DELIVER");

    // The event list: open the filters, hide the L2 steps with a real click on their checkbox,
    // then show them again.
    page.click(chromium.find(By.cssSelector(".event-filters-box > summary")));
    page.click(chromium.find(By.cssSelector(".event-filters input[value='l2']")));
    assertThat(LabPageView.attributes(page.rows(), "data-kind"))
        .doesNotContain("WIRE", "DEVICE_TX", "DEVICE_RX")
        .contains("ARP_REQUEST_SENT");
    assertThat(chromium.find(By.id("event-filter-summary")).getText()).contains(" of ");
    chromium.screenshot("player-filtered.png");
    page.click(chromium.find(By.cssSelector(".event-filters input[value='l2']")));
    assertThat(LabPageView.attributes(page.rows(), "data-kind")).isEqualTo(kinds);

    // Keys in the list: a click on the first row, then End, ArrowUp and Home.
    page.click(page.rows().getFirst());
    page.currentIs(0);
    press(Keys.END);
    page.currentIs(kinds.size() - 1);
    assertThat(chromium.find(By.id("inspector-when")).getText())
        .isEqualTo("As of step " + kinds.size() + " of " + kinds.size() + ".");
    assertThat(page.neighbourRows()).containsExactly(NS1_NEIGHBOUR_AT_END);
    press(Keys.ARROW_UP);
    page.currentIs(kinds.size() - 2);
    press(Keys.HOME);
    page.currentIs(0);

    // Jump to before the first step with the mouse: the trace's neighbour entries are undone.
    page.click(chromium.find(By.id("jump-start")));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("inspector-when"), "before"));
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");

    // Step forward with → (focus on the page, not the list) until a step creates ns1's entry.
    chromium.execute("document.activeElement.blur();");
    int created = -1;
    for (int step = 0; step < kinds.size() && created < 0; step++) {
      new Actions(chromium.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
      page.currentIs(step);
      if (!chromium.findAll(By.cssSelector("#state-neighbours li[data-mark]")).isEmpty()) {
        created = step;
      }
    }
    assertThat(created).as("a step that creates ns1's neighbour entry").isPositive();
    WebElement entry = chromium.find(By.cssSelector("#state-neighbours li[data-key='10.0.0.2']"));
    assertThat(entry.getDomAttribute("data-mark")).isEqualTo("created");
    assertThat(entry.getText()).contains("new at this step").contains("10.0.0.2 dev veth1");
    chromium.screenshot("player-neighbour-created.png");

    // ← steps back: the entry is gone again, the table rewound.
    new Actions(chromium.driver()).sendKeys(Keys.ARROW_LEFT).perform();
    page.currentIs(created - 1);
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");

    // The header inspector at the ARP reply: Ethernet and ARP layers as a tree, the reply's MACs.
    int reply = kinds.indexOf("ARP_REPLY_SENT");
    page.click(page.rows().get(reply));
    page.currentIs(reply);
    WebElement headers = chromium.find(By.id("headers-panel"));
    assertThat(
            LabPageView.attributes(
                headers.findElements(By.cssSelector("[data-layer]")), "data-layer"))
        .containsSubsequence("ethernet", "arp");
    assertThat(headers.getText()).contains("02:00:00:00:00:02");
    chromium.screenshot("player-arp-reply-headers.png");

    // At the end again (End on the page), the neighbour table is back to the server's.
    chromium.execute("document.activeElement.blur();");
    new Actions(chromium.driver()).sendKeys(Keys.END).perform();
    page.currentIs(kinds.size() - 1);
    assertThat(page.neighbourRows()).containsExactly(NS1_NEIGHBOUR_AT_END);
    chromium.screenshot("player-at-end.png");
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
  }

  @Test
  void aSavedProbeReRunAfterAnEditShowsBothRunsSideBySideWithTheFirstDifferenceMarked()
      throws IOException {
    chromium.openLabPage(port);
    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    chromium.typeCommand("ip netns exec ns2 iptables -A INPUT -p icmp -j DROP");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#probes .probe-count"), "(1)"));

    page.click(chromium.find(By.cssSelector("#probes > summary")));
    WebElement probe = chromium.find(By.cssSelector("#probes li.probe"));
    assertThat(probe.findElement(By.cssSelector(".probe-label")).getText())
        .isEqualTo("ping 10.0.0.2 from ns1");
    page.click(probe.findElement(By.cssSelector(".probe-run")));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "0 received"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#probes li.probe .probe-runs"), "2 runs"));

    page.click(chromium.find(By.cssSelector("#probes li.probe .probe-compare")));
    String difference = chromium.find(By.id("probe-difference")).getText();
    assertThat(difference).startsWith("The runs part at step ");
    WebElement marked = chromium.find(By.cssSelector("#probe-comparison tr.first-difference"));
    assertThat(marked.getText()).contains("first difference");
    assertThat(marked.findElements(By.tagName("td"))).hasSize(2);
    new Actions(chromium.driver()).scrollToElement(marked).perform();
    chromium.screenshot("player-probe-comparison.png");

    // A TCP probe from the toolbar: nc in ns1, kept as a second probe.
    new org.openqa.selenium.support.ui.Select(chromium.find(By.id("probe-kind")))
        .selectByValue("tcp");
    WebElement port = chromium.find(By.id("probe-port"));
    port.clear();
    port.sendKeys("5000");
    page.click(chromium.find(By.id("ping-button")));
    chromium.until(
        ExpectedConditions.textToBe(By.id("trace-title"), "nc -z -v -w 1 10.0.0.2 5000 in ns1"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#probes .probe-count"), "(2)"));
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
  }

  private void press(CharSequence key) {
    new Actions(chromium.driver()).sendKeys(key).perform();
  }
}
