package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The lab page in real headless Chromium against a real server: connect, ping from ns1, then walk
 * the whole trace forward and back with the step buttons, then run a command in the console.
 * Screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabPageBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.skipUnlessInstalled("browser tests");
  }

  @Test
  void pingFromNs1StepThroughTheWholeTraceAndBackThenRunACommand() throws IOException {
    chromium.openLabPage(port);
    assertThat(chromium.find(By.id("connection-status")).getText()).isEqualTo("connected");

    new Select(chromium.find(By.id("ping-from"))).selectByValue("host1/ns1");
    WebElement to = chromium.find(By.id("ping-to"));
    to.clear();
    to.sendKeys("10.0.0.2");
    chromium.find(By.id("ping-button")).click();

    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "1 received"));
    assertThat(chromium.find(By.id("trace-outcome")).getText())
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
    chromium.screenshot("lab-after-ping.png");

    List<String> seqs =
        chromium.findAll(By.cssSelector("#event-list li.event")).stream()
            .map(li -> li.getDomAttribute("data-seq"))
            .toList();
    assertThat(seqs).hasSizeGreaterThan(4).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(chromium.findAll(By.cssSelector("#event-list li.event.current"))).isEmpty();

    List<List<String>> layersPerStep = new ArrayList<>();
    List<String> panelTexts = new ArrayList<>();
    for (int index = 0; index < seqs.size(); index++) {
      chromium.find(By.id("step-forward")).click();
      String expected = seqs.get(index);
      WebElement current = currentStepBecomes(expected);
      assertThat(current.getDomAttribute("aria-current")).isEqualTo("step");
      assertThat(chromium.findAll(By.cssSelector("#event-list li.event.current"))).hasSize(1);
      layersPerStep.add(headerLayersShown());
      panelTexts.add(chromium.find(By.id("headers-panel")).getText());
      if (index == seqs.size() / 2) {
        chromium.screenshot("lab-mid-trace.png");
      }
    }
    assertThat(chromium.find(By.id("step-forward")).isEnabled())
        .as("Step is disabled on the last step")
        .isFalse();
    assertThat(layersPerStep).anySatisfy(layers -> assertThat(layers).isNotEmpty());
    // ping creates the echo request first and queues it while ARP runs, so the order that matters
    // is on the wire: the ARP request frame goes out before the first ICMP frame.
    int firstArp = firstStepShowing(layersPerStep, "ethernet", "arp");
    int firstIcmp = firstStepShowing(layersPerStep, "ethernet", "icmp");
    assertThat(firstArp).as("an ARP frame comes before the first ICMP frame").isLessThan(firstIcmp);
    assertThat(panelTexts.get(firstArp)).contains("ARP");
    assertThat(panelTexts.get(firstIcmp)).contains("ICMP").contains("echo request");

    for (int index = seqs.size() - 2; index >= 0; index--) {
      chromium.find(By.id("step-back")).click();
      currentStepBecomes(seqs.get(index));
    }
    List<WebElement> rows = chromium.findAll(By.cssSelector("#event-list li.event"));
    assertThat(rows.stream().map(li -> li.getDomAttribute("data-seq")).toList()).isEqualTo(seqs);
    assertThat(rows.getFirst().getDomAttribute("class")).contains("current");
    assertThat(rows.getFirst().getDomAttribute("aria-current")).isEqualTo("step");
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(li -> assertThat(li.getDomAttribute("aria-current")).isNull());
    assertThat(headerLayersShown()).isNotEmpty();
    chromium.screenshot("lab-back-at-first-step.png");

    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/ns1");
    WebElement input = chromium.find(By.id("console-input"));
    input.sendKeys("ip -br addr" + Keys.ENTER);
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("console-output"), "10.0.0.1/24"));
    assertThat(chromium.find(By.id("console-output")).getText()).contains("veth1");
    chromium.screenshot("lab-console.png");
  }

  private WebElement currentStepBecomes(String seq) {
    By current = By.cssSelector("#event-list li.event.current[data-seq='" + seq + "']");
    return chromium.until(ExpectedConditions.visibilityOfElementLocated(current));
  }

  /** The header layers the headers panel shows for the current step, outermost first. */
  private List<String> headerLayersShown() {
    WebElement panel = chromium.find(By.id("headers-panel"));
    List<String> layers = new ArrayList<>();
    for (WebElement table : panel.findElements(By.cssSelector("table.header-table"))) {
      assertThat(table.findElements(By.cssSelector("tbody tr"))).as("fields").isNotEmpty();
      String classes = table.getDomAttribute("class");
      for (String name : classes.split(" ")) {
        if (name.startsWith("layer-")) {
          layers.add(name.substring("layer-".length()));
        }
      }
    }
    return layers;
  }

  private static int firstStepShowing(List<List<String>> layersPerStep, String... layers) {
    for (int i = 0; i < layersPerStep.size(); i++) {
      if (layersPerStep.get(i).containsAll(List.of(layers))) {
        return i;
      }
    }
    throw new AssertionError("no step shows the headers " + List.of(layers) + ": " + layersPerStep);
  }
}
