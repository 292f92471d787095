package io.packetwalk.browser;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a browser test, as a JUnit extension held in an instance field
 * ({@code @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(timeout)}).
 * Before each test it starts {@code /usr/bin/chromium} at 1400×900 with a fresh profile, driven by
 * {@code /usr/bin/chromedriver}; after each it quits the browser and deletes the profile. A test
 * class calls {@link #assumeInstalled} from its {@code @BeforeAll}, so that without Chromium it is
 * skipped before the Spring context starts.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Duration timeout;
  private Path profile;
  private ChromeDriver driver;
  private WebDriverWait wait;

  /** {@code timeout} bounds each {@link #until} wait. */
  HeadlessChromium(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Aborts the calling test class (saying why on stdout, which a Maven run shows) unless both
   * binaries exist.
   */
  static void assumeInstalled(String whatNeedsIt) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        String reason =
            whatNeedsIt
                + " cannot run: "
                + binary
                + " is not installed (apt-get install chromium chromium-driver).";
        System.out.println(reason);
        abort(reason);
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
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
    wait = new WebDriverWait(driver, timeout);
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      deleteProfile();
    }
  }

  private void deleteProfile() throws IOException {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
    profile = null;
  }

  /** The driver of the running browser, for what the shortcuts below do not cover. */
  ChromeDriver driver() {
    return driver;
  }

  /**
   * Opens the lab page the server on {@code port} serves, waits until it is connected, and keeps
   * the default lab open past the start page (shown with the built-in labs' picker on a first
   * visit).
   */
  void openLabPage(int port) {
    driver.get("http://localhost:" + port + "/");
    until(ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    until(ExpectedConditions.presenceOfElementLocated(By.id("lab-picker")));
    findAll(By.id("start-close")).forEach(WebElement::click);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  List<WebElement> findAll(By by) {
    return driver.findElements(by);
  }

  /** Waits, up to the timeout, for the condition to hold; returns what it returns. */
  <T> T until(ExpectedCondition<T> condition) {
    return wait.until(condition);
  }

  /** Runs {@code script} in the page with {@code arguments[i]}; returns its result. */
  Object execute(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /**
   * Types {@code line} into the console and presses Enter. The line is set in one go (typing each
   * key would dominate a long script), then an input event lets the page see it.
   */
  void typeCommand(String line) {
    WebElement input = find(By.id("console-input"));
    execute(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
        input,
        line);
    input.sendKeys(Keys.ENTER);
  }

  /**
   * Pings {@code address} from the namespace whose {@code #ping-from} option value is {@code from}
   * (e.g. {@code host1/ns1}) and waits until the trace's outcome says one reply came back.
   */
  void pingAndAwaitReply(String from, String address) {
    new Select(find(By.id("ping-from"))).selectByValue(from);
    WebElement to = find(By.id("ping-to"));
    to.clear();
    to.sendKeys(address);
    find(By.id("ping-button")).click();
    until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "1 received"));
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<name>}. */
  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }
}
