package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.bench.BenchLabs;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.WheelInput;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The lab page in real headless Chromium against a real server: connect, ping from ns1, then walk
 * the whole trace forward and back with the step buttons, then run a command in the console; zoom
 * and pan the canvas, then build a larger lab through the console, check it fits readably and,
 * zoomed in, that the view follows the packet to the far end of the bridge. Screenshots land in
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LabPageBrowserTest {

  /** How many namespaces on a bridge the larger lab has. */
  private static final int LARGER_LAB = 12;

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void pingFromNs1StepThroughTheWholeTraceAndBackThenRunACommand() throws IOException {
    chromium.openLabPage(port);
    assertThat(chromium.find(By.id("connection-status")).getText()).isEqualTo("connected");

    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
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

  @Test
  void zoomControlsWheelAndDragMoveTheViewAndALargerLabFitsReadably() throws IOException {
    chromium.openLabPage(port);
    WebElement level = chromium.find(By.id("zoom-level"));
    WebElement fit = chromium.find(By.id("zoom-fit"));
    assertThat(level.getText()).isEqualTo("100%");
    assertThat(fit.getDomAttribute("aria-pressed")).isEqualTo("true");

    chromium.find(By.id("zoom-in")).click();
    levelBecomes("125%");
    assertThat(fit.getDomAttribute("aria-pressed")).isEqualTo("false");
    chromium.find(By.id("zoom-out")).click();
    levelBecomes("100%");
    new Actions(chromium.driver()).sendKeys("+").perform();
    levelBecomes("125%");

    WebElement stage = chromium.find(By.cssSelector(".canvas-stage"));
    WebElement canvasHost = chromium.find(By.cssSelector(".canvas-host"));
    String before = canvasHost.getCssValue("background-position");
    new Actions(chromium.driver())
        .moveToElement(stage)
        .clickAndHold()
        .moveByOffset(-60, -30)
        .release()
        .perform();
    assertThat(canvasHost.getCssValue("background-position")).isNotEqualTo(before);
    new Actions(chromium.driver())
        .scrollFromOrigin(WheelInput.ScrollOrigin.fromElement(stage), 0, -300)
        .perform();
    chromium.until(driver -> Double.parseDouble(level.getDomAttribute("data-scale")) > 1.3);
    fit.click();
    levelBecomes("100%");
    assertThat(fit.getDomAttribute("aria-pressed")).isEqualTo("true");

    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    BenchLabs.namespacesOnABridge(LARGER_LAB, "p").lines().forEach(chromium::typeCommand);
    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/p" + LARGER_LAB + "']")));
    assertThat(chromium.findAll(By.cssSelector("#console-output .console-stderr"))).isEmpty();
    assertThat(fit.getDomAttribute("aria-pressed")).isEqualTo("true");
    assertThat(Double.parseDouble(level.getDomAttribute("data-scale")))
        .as("the fitted scale of %d namespaces on a bridge", LARGER_LAB)
        .isBetween(0.7, 1.0);

    chromium.pingAndAwaitReply("host1/p1", BenchLabs.address(LARGER_LAB));
    for (int step = 0; step < 6; step++) {
      chromium.find(By.id("step-forward")).click();
    }
    chromium.screenshot("lab-larger-fitted.png");
    double fitted = Double.parseDouble(level.getDomAttribute("data-scale"));
    chromium.find(By.id("zoom-in")).click();
    chromium.find(By.id("zoom-in")).click();
    chromium.until(
        driver -> Double.parseDouble(level.getDomAttribute("data-scale")) > fitted * 1.5);
    chromium.screenshot("lab-larger-zoomed-in.png");

    // Zoomed in, the far namespace is out of sight: stepping there pans the view to the marker.
    WebElement follow = chromium.find(By.id("follow-packet"));
    assertThat(follow.getDomAttribute("aria-pressed")).as("following is on").isEqualTo("true");
    long pansBefore = followPans();
    String far = "p" + LARGER_LAB + "/";
    List<String> seqs =
        chromium.findAll(By.cssSelector("#event-list li.event")).stream()
            .map(li -> li.getDomAttribute("data-seq"))
            .toList();
    int index = seqs.indexOf(currentStepSeq());
    boolean reachedFar = false;
    while (!reachedFar && index + 1 < seqs.size()) {
      index++;
      chromium.find(By.id("step-forward")).click();
      WebElement current = currentStepBecomes(seqs.get(index));
      assertMarkerInsideTheCanvas(seqs.get(index));
      reachedFar = current.findElement(By.cssSelector(".event-where")).getText().startsWith(far);
    }
    assertThat(reachedFar).as("the trace reaches %s", far).isTrue();
    assertThat(followPans()).as("follow pans on the way to %s", far).isGreaterThan(pansBefore);
    assertThat(Double.parseDouble(level.getDomAttribute("data-scale")))
        .as("following pans without zooming")
        .isGreaterThan(fitted * 1.5);
    chromium.screenshot("lab-larger-followed-to-far-namespace.png");

    follow.click();
    chromium.until(ExpectedConditions.attributeToBe(follow, "aria-pressed", "false"));
    follow.click();
    chromium.until(ExpectedConditions.attributeToBe(follow, "aria-pressed", "true"));
  }

  /**
   * The marker, if the step has one on the canvas, rests inside the canvas's bounds and below the
   * view controls that cover the canvas's top.
   */
  private void assertMarkerInsideTheCanvas(String seq) {
    @SuppressWarnings("unchecked")
    List<Number> marker =
        (List<Number>)
            chromium.execute(
                "const stage = document.querySelector('.canvas-stage');"
                    + " const controls = document.querySelector('.canvas-controls');"
                    + " const data = stage.dataset;"
                    + " return data.markerX === undefined ? null : [Number(data.markerX),"
                    + " Number(data.markerY), stage.clientWidth, stage.clientHeight,"
                    + " controls.getBoundingClientRect().bottom"
                    + " - stage.getBoundingClientRect().top];");
    if (marker == null) {
      return;
    }
    double x = marker.get(0).doubleValue();
    double y = marker.get(1).doubleValue();
    assertThat(x).as("marker x at step %s", seq).isBetween(0.0, marker.get(2).doubleValue());
    assertThat(y)
        .as("marker y at step %s, below the controls", seq)
        .isBetween(marker.get(4).doubleValue(), marker.get(3).doubleValue());
  }

  private long followPans() {
    return ((Number) chromium.execute("return window.packetwalk.frameStats.followPans;"))
        .longValue();
  }

  private String currentStepSeq() {
    return chromium
        .find(By.cssSelector("#event-list li.event.current"))
        .getDomAttribute("data-seq");
  }

  private void levelBecomes(String text) {
    chromium.until(ExpectedConditions.textToBe(By.id("zoom-level"), text));
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
