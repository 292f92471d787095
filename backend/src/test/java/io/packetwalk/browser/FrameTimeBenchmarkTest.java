package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.packetwalk.bench.BenchLabs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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
 * The browser frame-time benchmark. In real headless Chromium against a real server it types a lab
 * of {@value #NAMESPACES} more namespaces on one bridge into the console, pings across the bridge,
 * plays the trace at the fastest speed and reports frame times (requestAnimationFrame intervals and
 * canvas draw time per frame) and the layer draw counts of {@code window.packetwalk.frameStats}.
 * The figures are printed and written to {@code target/bench/frame-time.txt}; times are reported,
 * never asserted. Only what makes the figures meaningful is asserted: the whole trace played, and
 * the static layer was not redrawn while it played. Runs only with {@code -Dbench.browser=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FrameTimeBenchmarkTest {

  private static final int NAMESPACES = 30;
  private static final String PREFIX = "c";
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path REPORT = Path.of("target", "bench", "frame-time.txt");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration IDLE_SAMPLE = Duration.ofSeconds(2);

  /**
   * Starts sampling: every animation frame records the time since the previous one and the canvas
   * draw time spent in between (from the frameStats totals), and long tasks are collected. With
   * {@code arguments[0]} true, sampling stops by itself on the first frame after playback ends.
   */
  private static final String START_SAMPLING =
      """
      const untilPlaybackEnds = arguments[0];
      const button = document.getElementById('play-pause');
      const stats = window.packetwalk.frameStats;
      const sampler = { intervals: [], drawMs: [], longTasks: [], running: true, last: null,
        lastDrawMs: stats.totalDrawMs, before: Object.assign({}, stats), observer: null,
        sawPlaying: false };
      window.frameTimeSampler = sampler;
      if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
        sampler.observer = new PerformanceObserver(
          (list) => list.getEntries().forEach((e) => sampler.longTasks.push(e.duration)));
        sampler.observer.observe({ type: 'longtask' });
      }
      const tick = (now) => {
        if (sampler.last !== null) {
          sampler.intervals.push(now - sampler.last);
          sampler.drawMs.push(stats.totalDrawMs - sampler.lastDrawMs);
        }
        sampler.last = now;
        sampler.lastDrawMs = stats.totalDrawMs;
        const playing = button.getAttribute('aria-pressed') === 'true';
        if (untilPlaybackEnds && sampler.sawPlaying && !playing) sampler.running = false;
        sampler.sawPlaying ||= playing;
        if (sampler.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      """;

  private static final String STOP_SAMPLING =
      """
      const sampler = window.frameTimeSampler;
      sampler.running = false;
      if (sampler.observer !== null) sampler.observer.disconnect();
      return { intervals: sampler.intervals, drawMs: sampler.drawMs, longTasks: sampler.longTasks,
        before: sampler.before, after: Object.assign({}, window.packetwalk.frameStats) };
      """;

  @Value("${local.server.port}")
  int port;

  private Path profile;
  private ChromeDriver driver;
  private WebDriverWait wait;
  private int commandsTyped;

  @BeforeAll
  static void onlyWhenAskedAndChromiumIsThere() {
    if (!Boolean.getBoolean("bench.browser")) {
      skip(
          "Skipping the frame-time benchmark: it runs only with -Dbench.browser=true"
              + " (docs/performance.md says how).");
    }
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        skip(
            "Skipping the frame-time benchmark: "
                + binary
                + " is not installed (apt-get install chromium chromium-driver).");
      }
    }
  }

  private static void skip(String reason) {
    System.out.println(reason);
    assumeTrue(false, reason);
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
  void playsATraceAcrossThirtyNamespacesAtFullSpeed() throws IOException {
    driver.get("http://localhost:" + port + "/");
    wait.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    long buildStarted = System.nanoTime();
    Sample building = sample(false, this::buildLabThroughTheConsole);
    double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;

    int steps = pingAcrossTheBridge();
    setFastestSpeed();
    Sample idle = sample(false, () -> sleep(IDLE_SAMPLE));
    Sample playing = sample(true, () -> playToTheEnd(steps));
    long namedNamespaces =
        driver.findElements(By.cssSelector("#ping-from option")).stream()
            .filter(option -> !option.getDomAttribute("value").endsWith("/"))
            .count();

    List<String> lines =
        List.of(
            "Packetwalk frame-time benchmark",
            "lab: "
                + namedNamespaces
                + " named namespaces ("
                + NAMESPACES
                + " on bridge br0), "
                + commandsTyped
                + " console commands in "
                + String.format(Locale.ROOT, "%.1f s", buildSeconds),
            "trace: "
                + steps
                + " steps, played at "
                + driver.findElement(By.id("speed-value")).getText(),
            "building: " + building.summary(),
            "idle:    " + idle.summary(),
            "playing: " + playing.summary());
    Files.createDirectories(REPORT.getParent());
    Files.write(REPORT, lines);
    lines.forEach(System.out::println);

    assertThat(currentStepSeq()).as("playback reached the last step").isEqualTo(lastStepSeq());
    assertThat(playing.staticDraws()).as("static layer draws while the trace played").isZero();
  }

  /** Types the lab script into the console in the root namespace; counts the lines typed. */
  private void buildLabThroughTheConsole() {
    new Select(driver.findElement(By.id("console-netns"))).selectByValue("host1/");
    List<String> script = BenchLabs.namespacesOnABridge(NAMESPACES, PREFIX).lines().toList();
    script.forEach(this::typeCommand);
    commandsTyped = script.size() + 1;
    String last = PREFIX + NAMESPACES;
    String lastAddress = BenchLabs.address(NAMESPACES);
    typeCommand("ip netns exec " + last + " ip -br addr show dev ce" + NAMESPACES);
    wait.until(
        ExpectedConditions.textMatches(
            By.id("console-output"), Pattern.compile(Pattern.quote(lastAddress + "/16"))));
    assertThat(driver.findElements(By.cssSelector("#console-output .console-stderr")))
        .as("console errors while building the lab")
        .isEmpty();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/" + last + "']")));
  }

  /** Sets the line in one go (typing each key would dominate the run), then presses Enter. */
  private void typeCommand(String line) {
    WebElement input = driver.findElement(By.id("console-input"));
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        input,
        line);
    input.sendKeys(Keys.ENTER);
  }

  /** Pings the last namespace from the first; returns the number of steps in the trace. */
  private int pingAcrossTheBridge() {
    new Select(driver.findElement(By.id("ping-from"))).selectByValue("host1/" + PREFIX + 1);
    WebElement to = driver.findElement(By.id("ping-to"));
    to.clear();
    to.sendKeys(BenchLabs.address(NAMESPACES));
    driver.findElement(By.id("ping-button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "1 received"));
    return driver.findElements(By.cssSelector("#event-list li.event")).size();
  }

  private void setFastestSpeed() {
    driver.executeScript(
        "const speed = document.getElementById('speed'); speed.value = speed.max;"
            + " speed.dispatchEvent(new Event('input', { bubbles: true }));");
    String max = driver.findElement(By.id("speed")).getDomAttribute("max");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speed-value"), max));
  }

  private void playToTheEnd(int steps) {
    WebElement play = driver.findElement(By.id("play-pause"));
    play.click();
    wait.until(ExpectedConditions.textToBePresentInElement(play, "Pause"));
    new WebDriverWait(driver, WAIT.plusSeconds(steps))
        .until(ExpectedConditions.textToBePresentInElement(play, "Play"));
  }

  private String currentStepSeq() {
    return driver
        .findElement(By.cssSelector("#event-list li.event.current"))
        .getDomAttribute("data-seq");
  }

  private String lastStepSeq() {
    List<WebElement> rows = driver.findElements(By.cssSelector("#event-list li.event"));
    return rows.getLast().getDomAttribute("data-seq");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sampling frames", e);
    }
  }

  /** Samples frames while {@code action} runs (and no longer than playback, if asked). */
  private Sample sample(boolean untilPlaybackEnds, Runnable action) {
    driver.executeScript(START_SAMPLING, untilPlaybackEnds);
    action.run();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) driver.executeScript(STOP_SAMPLING);
    return Sample.of(result);
  }

  /** Frame intervals and per-frame draw times (ms), long tasks, and frameStats before and after. */
  private record Sample(
      double[] intervals,
      double[] drawMs,
      double[] longTasks,
      Map<String, Object> before,
      Map<String, Object> after) {

    @SuppressWarnings("unchecked")
    static Sample of(Map<String, Object> result) {
      return new Sample(
          numbers(result.get("intervals")),
          numbers(result.get("drawMs")),
          numbers(result.get("longTasks")),
          (Map<String, Object>) result.get("before"),
          (Map<String, Object>) result.get("after"));
    }

    private static double[] numbers(Object list) {
      return ((List<?>) list).stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray();
    }

    long staticDraws() {
      return delta("staticDraws");
    }

    long delta(String counter) {
      return ((Number) after.get(counter)).longValue() - ((Number) before.get(counter)).longValue();
    }

    String summary() {
      double[] drawing = Arrays.stream(drawMs).filter(ms -> ms > 0).toArray();
      return String.format(
          Locale.ROOT,
          "%d frames; frame interval median %.1f ms, p95 %.1f ms, max %.1f ms;"
              + " draw time in frames that drew (%d) median %.2f ms, p95 %.2f ms, max %.2f ms;"
              + " layer draws: static %d, overlay %d (tween frames %d); long tasks %d%s",
          intervals.length,
          percentile(intervals, 50),
          percentile(intervals, 95),
          percentile(intervals, 100),
          drawing.length,
          percentile(drawing, 50),
          percentile(drawing, 95),
          percentile(drawing, 100),
          staticDraws(),
          delta("overlayDraws"),
          delta("tweenFrames"),
          longTasks.length,
          longTasks.length == 0
              ? ""
              : String.format(Locale.ROOT, " (longest %.0f ms)", percentile(longTasks, 100)));
    }

    /** Nearest-rank percentile; 0 for no samples. */
    private static double percentile(double[] values, int p) {
      if (values.length == 0) {
        return 0;
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(rank, 1) - 1];
    }
  }
}
