package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.bench.BenchLabs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The browser frame-time benchmark. In real headless Chromium against a real server it types a lab
 * of {@value #NAMESPACES} more namespaces on one bridge into the console, pings across the bridge,
 * plays the trace at the fastest speed and reports frame times (requestAnimationFrame intervals,
 * and canvas draw time per frame for both layers and for each) and the layer draw counts of {@code
 * window.packetwalk.frameStats}. The figures are printed and written to {@code
 * target/bench/frame-time.txt}, with a screenshot in {@code target/screenshots/}; times are
 * reported, never asserted. Only what makes the figures meaningful is asserted: the whole trace
 * played, and the static layer was not redrawn for the topology while it played. Redraws made
 * because the view moved ({@code viewportDraws}: the view following the packet across the wide lab)
 * are reported apart, with the follow pans that caused them. Runs only with {@code
 * -Dbench.browser=true}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(
    named = "bench.browser",
    matches = "true",
    disabledReason = "a benchmark: it runs with -Dbench.browser=true (docs/performance.md)")
class FrameTimeBenchmarkTest {

  private static final int NAMESPACES = 30;
  private static final String PREFIX = "c";
  private static final Path REPORT = Path.of("target", "bench", "frame-time.txt");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration IDLE_SAMPLE = Duration.ofSeconds(2);

  /**
   * Starts sampling: every animation frame records the time since the previous one and, per layer,
   * the draws and draw time spent in between (from the frameStats totals), and long tasks are
   * collected. With {@code arguments[0]} true, sampling stops by itself on the first frame after
   * playback ends.
   */
  private static final String START_SAMPLING =
      """
      const untilPlaybackEnds = arguments[0];
      const button = document.getElementById('play-pause');
      const snapshot = () => Object.assign({}, window.packetwalk.frameStats);
      const sampler = { intervals: [], staticMs: [], overlayMs: [], staticDraws: [],
        overlayDraws: [], longTasks: [], running: true, last: null, previous: snapshot(),
        before: snapshot(), observer: null, sawPlaying: false };
      window.frameTimeSampler = sampler;
      if (PerformanceObserver.supportedEntryTypes.includes('longtask')) {
        sampler.observer = new PerformanceObserver(
          (list) => list.getEntries().forEach((e) => sampler.longTasks.push(e.duration)));
        sampler.observer.observe({ type: 'longtask' });
      }
      const tick = (now) => {
        const stats = snapshot();
        const previous = sampler.previous;
        if (sampler.last !== null) {
          sampler.intervals.push(now - sampler.last);
          sampler.staticMs.push(stats.staticTotalDrawMs - previous.staticTotalDrawMs);
          sampler.overlayMs.push(stats.overlayTotalDrawMs - previous.overlayTotalDrawMs);
          sampler.staticDraws.push(stats.staticDraws - previous.staticDraws);
          sampler.overlayDraws.push(stats.overlayDraws - previous.overlayDraws);
        }
        sampler.last = now;
        sampler.previous = stats;
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
      return { intervals: sampler.intervals, staticMs: sampler.staticMs,
        overlayMs: sampler.overlayMs, staticDraws: sampler.staticDraws,
        overlayDraws: sampler.overlayDraws, longTasks: sampler.longTasks, before: sampler.before,
        after: Object.assign({}, window.packetwalk.frameStats) };
      """;

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(WAIT);

  @Value("${local.server.port}")
  int port;

  private int commandsTyped;

  @BeforeAll
  static void chromiumIsThere() {
    HeadlessChromium.assumeInstalled("the frame-time benchmark");
  }

  @Test
  void playsATraceAcrossThirtyNamespacesAtFullSpeed() throws IOException {
    chromium.openLabPage(port);
    long buildStarted = System.nanoTime();
    Sample building = sample(false, this::buildLabThroughTheConsole);
    double buildSeconds = (System.nanoTime() - buildStarted) / 1e9;

    int steps = pingAcrossTheBridge();
    setFastestSpeed();
    Sample idle = sample(false, () -> sleep(IDLE_SAMPLE));
    Sample playing = sample(true, () -> playToTheEnd(steps));
    chromium.screenshot("frame-time-after-playback.png");
    long namedNamespaces =
        chromium.findAll(By.cssSelector("#ping-from option")).stream()
            .filter(option -> !option.getDomAttribute("value").endsWith("/"))
            .count();

    Stream<String> header =
        Stream.of(
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
                + chromium.find(By.id("speed-value")).getText());
    List<String> lines =
        Stream.of(
                header, building.report("building"), idle.report("idle"), playing.report("playing"))
            .flatMap(phase -> phase)
            .toList();
    Files.createDirectories(REPORT.getParent());
    Files.write(REPORT, lines);
    lines.forEach(System.out::println);

    assertThat(currentStepSeq()).as("playback reached the last step").isEqualTo(lastStepSeq());
    assertThat(playing.topologyDraws())
        .as("static layer draws for the topology while the trace played")
        .isZero();
    assertThat(playing.delta("viewportDraws"))
        .as("viewport redraws while playing: following never zooms, so one per follow pan at most")
        .isLessThanOrEqualTo(playing.delta("followPans"));
  }

  /** Types the lab script into the console in the root namespace; counts the lines typed. */
  private void buildLabThroughTheConsole() {
    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    List<String> script = BenchLabs.namespacesOnABridge(NAMESPACES, PREFIX).lines().toList();
    script.forEach(chromium::typeCommand);
    commandsTyped = script.size() + 1;
    String last = PREFIX + NAMESPACES;
    String lastAddress = BenchLabs.address(NAMESPACES);
    chromium.typeCommand("ip netns exec " + last + " ip -br addr show dev ce" + NAMESPACES);
    chromium.until(
        ExpectedConditions.textMatches(
            By.id("console-output"), Pattern.compile(Pattern.quote(lastAddress + "/16"))));
    assertThat(chromium.findAll(By.cssSelector("#console-output .console-stderr")))
        .as("console errors while building the lab")
        .isEmpty();
    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/" + last + "']")));
  }

  /**
   * Pings the last namespace from the first; returns the number of steps in the trace (the list
   * says it: a long list draws only the rows in view).
   */
  private int pingAcrossTheBridge() {
    chromium.pingAndAwaitReply("host1/" + PREFIX + 1, BenchLabs.address(NAMESPACES));
    return Integer.parseInt(chromium.find(By.id("event-list")).getDomAttribute("data-steps"));
  }

  private void setFastestSpeed() {
    chromium.execute(
        "const speed = document.getElementById('speed'); speed.value = speed.max;"
            + " speed.dispatchEvent(new Event('input', { bubbles: true }));");
    String max = chromium.find(By.id("speed")).getDomAttribute("max");
    chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("speed-value"), max));
  }

  private void playToTheEnd(int steps) {
    WebElement play = chromium.find(By.id("play-pause"));
    play.click();
    chromium.until(ExpectedConditions.textToBePresentInElement(play, "Pause"));
    new WebDriverWait(chromium.driver(), WAIT.plusSeconds(steps))
        .until(ExpectedConditions.textToBePresentInElement(play, "Play"));
  }

  private String currentStepSeq() {
    return chromium
        .find(By.cssSelector("#event-list li.event.current"))
        .getDomAttribute("data-seq");
  }

  private String lastStepSeq() {
    List<WebElement> rows = chromium.findAll(By.cssSelector("#event-list li.event"));
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
    chromium.execute(START_SAMPLING, untilPlaybackEnds);
    action.run();
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) chromium.execute(STOP_SAMPLING);
    return Sample.of(result);
  }

  /**
   * Per animation frame: the interval since the previous frame (ms), and for each layer the draws
   * and draw time (ms) in that interval; long tasks (ms); frameStats before and after.
   */
  private record Sample(
      double[] intervals,
      double[] staticMs,
      double[] overlayMs,
      double[] staticDrawsPerFrame,
      double[] overlayDrawsPerFrame,
      double[] longTasks,
      Map<String, Object> before,
      Map<String, Object> after) {

    @SuppressWarnings("unchecked")
    static Sample of(Map<String, Object> result) {
      return new Sample(
          numbers(result.get("intervals")),
          numbers(result.get("staticMs")),
          numbers(result.get("overlayMs")),
          numbers(result.get("staticDraws")),
          numbers(result.get("overlayDraws")),
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

    /** Static layer draws for a topology or canvas-size change: those not made for a view move. */
    long topologyDraws() {
      return staticDraws() - delta("viewportDraws");
    }

    long delta(String counter) {
      return ((Number) after.get(counter)).longValue() - ((Number) before.get(counter)).longValue();
    }

    /**
     * The phase's lines: frame intervals and long tasks; draw time per frame for both layers, the
     * static layer and the overlay layer; layer draw counts.
     */
    Stream<String> report(String phase) {
      int frames = intervals.length;
      double[] bothMs = new double[frames];
      double[] bothDraws = new double[frames];
      for (int i = 0; i < frames; i++) {
        bothMs[i] = staticMs[i] + overlayMs[i];
        bothDraws[i] = staticDrawsPerFrame[i] + overlayDrawsPerFrame[i];
      }
      return Stream.of(
          String.format(
              Locale.ROOT,
              "%s: %d frames; frame interval median %.1f ms, p95 %.1f ms, max %.1f ms;"
                  + " long tasks %d%s",
              phase,
              frames,
              percentile(intervals, 50),
              percentile(intervals, 95),
              percentile(intervals, 100),
              longTasks.length,
              longTasks.length == 0
                  ? ""
                  : String.format(Locale.ROOT, " (longest %.0f ms)", percentile(longTasks, 100))),
          drawTimes("both layers", bothMs, bothDraws),
          drawTimes("static layer", staticMs, staticDrawsPerFrame),
          drawTimes("overlay layer", overlayMs, overlayDrawsPerFrame),
          String.format(
              Locale.ROOT,
              "  layer draws: static %d (topology %d, viewport %d for %d follow pans),"
                  + " overlay %d (tween frames %d)",
              staticDraws(),
              topologyDraws(),
              delta("viewportDraws"),
              delta("followPans"),
              delta("overlayDraws"),
              delta("tweenFrames")));
    }

    /** A line on the draw times of the frames in which {@code draws} is not zero. */
    private static String drawTimes(String layers, double[] ms, double[] draws) {
      double[] drawing =
          IntStream.range(0, ms.length).filter(i -> draws[i] > 0).mapToDouble(i -> ms[i]).toArray();
      String figures =
          drawing.length == 0
              ? "no frame drew"
              : String.format(
                  Locale.ROOT,
                  "%d frames drew, median %.2f ms, p95 %.2f ms, max %.2f ms",
                  drawing.length,
                  percentile(drawing, 50),
                  percentile(drawing, 95),
                  percentile(drawing, 100));
      return "  draw time per frame, " + layers + ": " + figures;
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
