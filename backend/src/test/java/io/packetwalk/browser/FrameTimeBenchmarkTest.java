package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.bench.BenchLabs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.openqa.selenium.interactions.Actions;
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
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      // the 1,000-namespace lab is larger than one lab and one saved document may be by default
      "packetwalk.ws.max-lab-objects=200000",
      "packetwalk.share.max-document-size=8MB"
    })
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
      const sampler = { intervals: [], staticMs: [], overlayMs: [], interactionMs: [],
        staticDraws: [], overlayDraws: [], interactionDraws: [], longTasks: [], running: true,
        last: null, previous: snapshot(),
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
          sampler.interactionMs.push(
            stats.interactionTotalDrawMs - previous.interactionTotalDrawMs);
          sampler.staticDraws.push(stats.staticDraws - previous.staticDraws);
          sampler.overlayDraws.push(stats.overlayDraws - previous.overlayDraws);
          sampler.interactionDraws.push(stats.interactionDraws - previous.interactionDraws);
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
        overlayMs: sampler.overlayMs, interactionMs: sampler.interactionMs,
        staticDraws: sampler.staticDraws, overlayDraws: sampler.overlayDraws,
        interactionDraws: sampler.interactionDraws, longTasks: sampler.longTasks,
        before: sampler.before,
        after: Object.assign({}, window.packetwalk.frameStats) };
      """;

  private static final int BIG_HOSTS = 100;
  private static final int PODS_PER_HOST = 9;
  private static final int IN_FLIGHT = 300;
  private static final Duration IN_FLIGHT_SAMPLE = Duration.ofSeconds(5);
  private static final Path BIG_REPORT = Path.of("target", "bench", "frame-time-big-lab.txt");

  /**
   * Imports the script {@code arguments[0]} as a lab document (the server runs it), saves the
   * document as a new shared lab and answers its edit link.
   */
  private static final String SAVE_SCRIPT_AS_LAB =
      """
      const done = arguments[arguments.length - 1];
      const headers = { 'X-Packetwalk': '1' };
      const answer = async (response) => {
        const text = await response.text();
        if (!response.ok || text.includes('"error"')) throw new Error(text.slice(0, 400));
        return JSON.parse(text);
      };
      fetch('/api/labs/import-script?name=1000%20namespaces%20on%20100%20hosts', {
        method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: arguments[0] })
        .then(answer)
        .then((lab) => fetch('/api/shared', { method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(lab) }))
        .then(answer)
        .then((saved) => done(saved.editLink), (error) => done('failed: ' + error.message));
      """;

  /**
   * Puts {@code arguments[0]} copies of the current packet marker (cached as a bitmap when the page
   * caches it) on the overlay layer, one on each of as many of the lab's wires (spread over all of
   * them, or only over the wires in view with {@code arguments[2]}), and for {@code arguments[1]}
   * ms moves every copy along its wire on each animation frame and draws the overlay layer, timing
   * both; then removes the copies. Answers the frame intervals, the per-frame move-and-draw times
   * and how many copies were in view.
   */
  private static final String PACKETS_IN_FLIGHT =
      """
      const [count, durationMs, inViewOnly] = arguments;
      const done = arguments[arguments.length - 1];
      const stage = Konva.stages[0];
      const [staticLayer, overlay] = stage.getLayers();
      const marker = overlay.getChildren().filter((n) => n.getClassName() === 'Group').at(-1);
      const toScreen = staticLayer.getAbsoluteTransform();
      const onScreen = (x, y) => {
        const p = toScreen.point({ x, y });
        return p.x >= 0 && p.y >= 0 && p.x <= stage.width() && p.y <= stage.height();
      };
      const wires = staticLayer.find('.wire').filter((w) => !inViewOnly ||
        (onScreen(w.points()[0], w.points()[1]) && onScreen(w.points()[2], w.points()[3])));
      // A copy is drawn from a bitmap of the same resolution when the page draws its marker so.
      const ratio = marker.isCached() ? marker._getCanvasCache().scene.pixelRatio : null;
      const copies = [];
      for (let i = 0; i < count; i++) {
        const node = marker.clone();
        if (ratio !== null) node.cache({ pixelRatio: ratio });
        overlay.add(node);
        copies.push({ node, points: wires[Math.floor(i * wires.length / count)].points(),
          phase: i / count });
      }
      const inView = copies.filter((c) => onScreen(c.points[0], c.points[1])).length;
      const intervals = [];
      const workMs = [];
      let last = null;
      let start = null;
      const tick = (now) => {
        start ??= now;
        if (last !== null) intervals.push(now - last);
        last = now;
        const began = performance.now();
        for (const c of copies) {
          const t = ((now - start) / 800 + c.phase) % 1;
          const [x1, y1, x2, y2] = c.points;
          c.node.position({ x: x1 + (x2 - x1) * t, y: y1 + (y2 - y1) * t });
        }
        overlay.draw();
        workMs.push(performance.now() - began);
        if (now - start < durationMs) {
          requestAnimationFrame(tick);
        } else {
          copies.forEach((c) => c.node.destroy());
          overlay.draw();
          done({ intervals, workMs, inView, wires: wires.length });
        }
      };
      requestAnimationFrame(tick);
      """;

  /**
   * Notes when the next pointer goes down and up and, after the release, the first animation frame
   * after the static layer was drawn again (the box drawn where it was dropped).
   */
  private static final String WATCH_DRAG =
      """
      const times = { down: null, up: null, placed: null };
      window.dragTimes = times;
      document.addEventListener('pointerdown', () => { times.down = performance.now(); },
        { capture: true, once: true });
      document.addEventListener('pointerup', () => {
        times.up = performance.now();
        const drawn = window.packetwalk.frameStats.staticDraws;
        const wait = () => {
          if (window.packetwalk.frameStats.staticDraws > drawn) times.placed = performance.now();
          else requestAnimationFrame(wait);
        };
        requestAnimationFrame(wait);
      }, { capture: true, once: true });
      """;

  /** A namespace box wholly on screen, left of the zoom controls: its key and rect. */
  private static final String BOX_IN_VIEW =
      """
      const stage = Konva.stages[0];
      const box = stage.find('.namespace-box').find((n) => {
        const r = n.getClientRect();
        return r.x > 10 && r.y > 10 && r.x + r.width < stage.width() - 260
          && r.y + r.height < stage.height() - 10;
      });
      if (box === undefined) return null;
      const r = box.getClientRect();
      return [box.getAttr('nsKey'), r.x, r.y, r.width, r.height];
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

  /**
   * The lab of issue 10's quality bar: {@value #BIG_HOSTS} hosts with {@value #PODS_PER_HOST} pods
   * each, 1,000 namespaces, imported through the server and opened by its edit link; a ping from
   * the first host's first pod to the last host's last pod played at full speed; {@value
   * #IN_FLIGHT} packet markers moving at once; and one box dragged with the mouse.
   */
  @Test
  void aThousandNamespacesOnAHundredHosts() throws IOException {
    chromium.openLabPage(port);
    String script = BenchLabs.podsOnHosts(BIG_HOSTS, PODS_PER_HOST);
    chromium.driver().manage().timeouts().scriptTimeout(WAIT.multipliedBy(3));
    long importStarted = System.nanoTime();
    String link = (String) chromium.driver().executeAsyncScript(SAVE_SCRIPT_AS_LAB, script);
    double importSeconds = (System.nanoTime() - importStarted) / 1e9;
    assertThat(link).as("the lab was imported and saved").doesNotStartWith("failed");

    long openStarted = System.nanoTime();
    chromium.driver().get(link.startsWith("/") ? "http://localhost:" + port + link : link);
    int namespaces = BIG_HOSTS * (PODS_PER_HOST + 1);
    chromium.until(driver -> boxes() == namespaces);
    double openSeconds = (System.nanoTime() - openStarted) / 1e9;

    String target = BenchLabs.podAddress(BIG_HOSTS, PODS_PER_HOST);
    chromium.pingAndAwaitReply("host1/pod1", target);
    int steps = Integer.parseInt(chromium.find(By.id("event-list")).getDomAttribute("data-steps"));
    setFastestSpeed();
    Sample idle = sample(false, () -> sleep(IDLE_SAMPLE));
    chromium.execute(
        "window.canvasSizes = []; new ResizeObserver((entries) => entries.forEach((e) =>"
            + " window.canvasSizes.push(Math.round(e.contentRect.width) + '×'"
            + " + Math.round(e.contentRect.height)))).observe("
            + "document.querySelector('.canvas-host'));");
    Sample playing = sample(true, () -> playToTheEnd(steps));
    chromium.screenshot("frame-time-big-lab-played.png");
    Object canvasSizes = chromium.execute("return window.canvasSizes;");

    List<String> inFlight = new ArrayList<>();
    inFlight.addAll(packetsInFlight(false));
    inFlight.addAll(packetsInFlight(true));

    List<String> drag = new ArrayList<>();
    Sample dragging = sample(false, () -> drag.addAll(dragOneBox()));
    chromium.screenshot("frame-time-big-lab-dragged.png");

    List<String> lines =
        Stream.of(
                Stream.of(
                    "Packetwalk frame-time benchmark, big lab",
                    String.format(
                        Locale.ROOT,
                        "lab: %d namespaces on %d hosts (%d script lines); import and save %.1f s,"
                            + " open until every box is drawn %.1f s",
                        namespaces,
                        BIG_HOSTS,
                        script.lines().count(),
                        importSeconds,
                        openSeconds),
                    "trace: host1/pod1 → "
                        + target
                        + ", "
                        + steps
                        + " steps, played at "
                        + chromium.find(By.id("speed-value")).getText()),
                idle.report("idle"),
                playing.report("playing"),
                Stream.of(
                    "  canvas sizes while playing (the first is the size it had): " + canvasSizes),
                inFlight.stream(),
                drag.stream(),
                dragging.report("dragging"))
            .flatMap(phase -> phase)
            .toList();
    Files.createDirectories(BIG_REPORT.getParent());
    Files.write(BIG_REPORT, lines);
    lines.forEach(System.out::println);

    assertThat(currentStepSeq()).as("playback reached the last step").isEqualTo(lastStepSeq());
    assertThat(playing.topologyDraws())
        .as("static layer draws for the topology while the trace played")
        .isZero();
  }

  private long boxes() {
    return ((Number) chromium.execute("return Konva.stages[0].find('.namespace-box').length;"))
        .longValue();
  }

  /** Moves {@value #IN_FLIGHT} packet markers at once; the report's lines. */
  @SuppressWarnings("unchecked")
  private List<String> packetsInFlight(boolean inViewOnly) {
    Map<String, Object> result =
        (Map<String, Object>)
            chromium
                .driver()
                .executeAsyncScript(
                    PACKETS_IN_FLIGHT, IN_FLIGHT, IN_FLIGHT_SAMPLE.toMillis(), inViewOnly);
    double[] intervals = Sample.numbers(result.get("intervals"));
    double[] work = Sample.numbers(result.get("workMs"));
    double[] every = new double[work.length];
    Arrays.fill(every, 1);
    return List.of(
        String.format(
            Locale.ROOT,
            "%d packets in flight (%s, %s wires, %s in view): %d frames; frame interval median"
                + " %.1f ms, p95 %.1f ms, max %.1f ms",
            IN_FLIGHT,
            inViewOnly ? "on the wires in view" : "spread over the whole lab",
            result.get("wires"),
            result.get("inView"),
            intervals.length,
            Sample.percentile(intervals, 50),
            Sample.percentile(intervals, 95),
            Sample.percentile(intervals, 100)),
        Sample.drawTimes("moving the markers and drawing the overlay", work, every));
  }

  /**
   * Drags a box in view by 120 × 90 pixels in 30 pointer moves of 50 ms each (real Selenium mouse
   * actions); waits until it is drawn where it was dropped; the report's lines.
   */
  @SuppressWarnings("unchecked")
  private List<String> dragOneBox() {
    List<Object> box = (List<Object>) chromium.execute(BOX_IN_VIEW);
    assertThat(box).as("a namespace box in view").isNotNull();
    String key = (String) box.get(0);
    double x = ((Number) box.get(1)).doubleValue() + 14;
    double y = ((Number) box.get(2)).doubleValue() + 8;
    double sceneXBefore = sceneX(key);
    chromium.execute(WATCH_DRAG);
    WebElement stage = chromium.find(By.cssSelector(".canvas-stage"));
    int moves = 30;
    Actions actions =
        new Actions(chromium.driver(), Duration.ofMillis(50))
            .moveToElement(stage, offset(stage, x, true), offset(stage, y, false))
            .clickAndHold();
    for (int i = 1; i <= moves; i++) {
      actions.moveToElement(
          stage, offset(stage, x + 4.0 * i, true), offset(stage, y + 3.0 * i, false));
    }
    long started = System.nanoTime();
    actions.release().perform();
    chromium.until(driver -> chromium.execute("return window.dragTimes.placed;") != null);
    double endToEnd = (System.nanoTime() - started) / 1e6;
    Map<String, Object> times = (Map<String, Object>) chromium.execute("return window.dragTimes;");
    double down = ((Number) times.get("down")).doubleValue();
    double up = ((Number) times.get("up")).doubleValue();
    double placed = ((Number) times.get("placed")).doubleValue();
    assertThat(sceneX(key) - sceneXBefore).as("the box moved right").isGreaterThan(60);
    return List.of(
        String.format(
            Locale.ROOT,
            "drag of %s, %d moves of 50 ms by Selenium: pointer down → up %.0f ms, up → box drawn"
                + " in place %.0f ms; WebDriver call to placed %.0f ms",
            key,
            moves,
            up - down,
            placed - up,
            endToEnd));
  }

  private double sceneX(String key) {
    return ((Number)
            chromium.execute(
                "return Konva.stages[0].find('.namespace-box')"
                    + ".find(n => n.getAttr('nsKey') === arguments[0])"
                    + ".getClientRect({ relativeTo: Konva.stages[0].getLayers()[0] }).x;",
                key))
        .doubleValue();
  }

  /** Selenium moves relative to an element's centre: a stage pixel as such an offset. */
  private static int offset(WebElement stage, double pixel, boolean horizontal) {
    double half = (horizontal ? stage.getRect().getWidth() : stage.getRect().getHeight()) / 2.0;
    return (int) Math.round(pixel - half);
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
      double[] interactionMs,
      double[] staticDrawsPerFrame,
      double[] overlayDrawsPerFrame,
      double[] interactionDrawsPerFrame,
      double[] longTasks,
      Map<String, Object> before,
      Map<String, Object> after) {

    @SuppressWarnings("unchecked")
    static Sample of(Map<String, Object> result) {
      return new Sample(
          numbers(result.get("intervals")),
          numbers(result.get("staticMs")),
          numbers(result.get("overlayMs")),
          numbers(result.get("interactionMs")),
          numbers(result.get("staticDraws")),
          numbers(result.get("overlayDraws")),
          numbers(result.get("interactionDraws")),
          numbers(result.get("longTasks")),
          (Map<String, Object>) result.get("before"),
          (Map<String, Object>) result.get("after"));
    }

    static double[] numbers(Object list) {
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
        bothMs[i] = staticMs[i] + overlayMs[i] + interactionMs[i];
        bothDraws[i] =
            staticDrawsPerFrame[i] + overlayDrawsPerFrame[i] + interactionDrawsPerFrame[i];
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
          drawTimes("all layers", bothMs, bothDraws),
          drawTimes("static layer", staticMs, staticDrawsPerFrame),
          drawTimes("overlay layer", overlayMs, overlayDrawsPerFrame),
          drawTimes("interaction layer", interactionMs, interactionDrawsPerFrame),
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
    static String drawTimes(String layers, double[] ms, double[] draws) {
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
    static double percentile(double[] values, int p) {
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
