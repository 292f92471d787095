package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Value("${local.server.port}")
  int port;

  private Path profile;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void needsChromiumAndChromedriver() {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        String reason =
            "Skipping browser tests: "
                + binary
                + " is not installed (apt-get install chromium chromium-driver).";
        System.out.println(reason);
        assumeTrue(false, reason);
      }
    }
  }

  @BeforeEach
  void startChromium() throws IOException {
    profile = Files.createTempDirectory("packetwalk-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,900",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  @AfterEach
  void stopChromium() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @Test
  void pingFromNs1StepThroughTheWholeTraceAndBackThenRunACommand() throws IOException {
    driver.get("http://localhost:" + port + "/");
    wait.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    assertThat(driver.findElement(By.id("connection-status")).getText()).isEqualTo("connected");

    new Select(driver.findElement(By.id("ping-from"))).selectByValue("host1/ns1");
    WebElement to = driver.findElement(By.id("ping-to"));
    to.clear();
    to.sendKeys("10.0.0.2");
    driver.findElement(By.id("ping-button")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "1 received"));
    assertThat(driver.findElement(By.id("trace-outcome")).getText())
        .isEqualTo("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(driver.findElements(By.cssSelector("#error-banner"))).isEmpty();
    screenshot("lab-after-ping.png");

    List<String> seqs =
        driver.findElements(By.cssSelector("#event-list li.event")).stream()
            .map(li -> li.getDomAttribute("data-seq"))
            .toList();
    assertThat(seqs).hasSizeGreaterThan(4).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(driver.findElements(By.cssSelector("#event-list li.event.current"))).isEmpty();

    List<List<String>> layersPerStep = new ArrayList<>();
    List<String> panelTexts = new ArrayList<>();
    for (int index = 0; index < seqs.size(); index++) {
      driver.findElement(By.id("step-forward")).click();
      String expected = seqs.get(index);
      WebElement current = currentStepBecomes(expected);
      assertThat(current.getDomAttribute("aria-current")).isEqualTo("step");
      assertThat(driver.findElements(By.cssSelector("#event-list li.event.current"))).hasSize(1);
      layersPerStep.add(headerLayersShown());
      panelTexts.add(driver.findElement(By.id("headers-panel")).getText());
      if (index == seqs.size() / 2) {
        screenshot("lab-mid-trace.png");
      }
    }
    assertThat(driver.findElement(By.id("step-forward")).isEnabled())
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
      driver.findElement(By.id("step-back")).click();
      currentStepBecomes(seqs.get(index));
    }
    List<WebElement> rows = driver.findElements(By.cssSelector("#event-list li.event"));
    assertThat(rows.stream().map(li -> li.getDomAttribute("data-seq")).toList()).isEqualTo(seqs);
    assertThat(rows.getFirst().getDomAttribute("class")).contains("current");
    assertThat(rows.getFirst().getDomAttribute("aria-current")).isEqualTo("step");
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(li -> assertThat(li.getDomAttribute("aria-current")).isNull());
    assertThat(headerLayersShown()).isNotEmpty();
    screenshot("lab-back-at-first-step.png");

    new Select(driver.findElement(By.id("console-netns"))).selectByValue("host1/ns1");
    WebElement input = driver.findElement(By.id("console-input"));
    input.sendKeys("ip -br addr" + Keys.ENTER);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("console-output"), "10.0.0.1/24"));
    assertThat(driver.findElement(By.id("console-output")).getText()).contains("veth1");
    screenshot("lab-console.png");
  }

  private WebElement currentStepBecomes(String seq) {
    By current = By.cssSelector("#event-list li.event.current[data-seq='" + seq + "']");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(current));
  }

  /** The header layers the headers panel shows for the current step, outermost first. */
  private List<String> headerLayersShown() {
    WebElement panel = driver.findElement(By.id("headers-panel"));
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

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }
}
