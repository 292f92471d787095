package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The two-container bridge lab built with real mouse actions in headless Chromium: the built-in
 * namespaces deleted, two containers and a bridge namespace dragged from the palette, a bridge
 * dropped on one and both containers connected to it with the connect tool; then a ping, the
 * receiving container expanded by a double click, and stepping forward and back through the trace
 * with the event list, the lit hook of the drawn netfilter pipeline, the header inspector and the
 * rewound neighbour table checked; a rule that drops the ping shows where and why. Screenshots land
 * in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PipelineBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));
  private final LabPageView page = new LabPageView(chromium);

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void aBridgeLabBuiltByDragAndDropPlaysThroughTheExpandedNamespacesPipeline() throws IOException {
    // A tall window, so the canvas has room for an expanded namespace.
    chromium.driver().manage().window().setSize(new Dimension(1500, 1400));
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");

    // Start from an empty host: select both built-in namespaces (click, shift-click), Delete.
    List<Double> ns1 = screenBox("host1/ns1");
    List<Double> ns2 = screenBox("host1/ns2");
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(ns1.get(0) + 10), page.offsetY(ns1.get(1) + 8))
        .click()
        .keyDown(Keys.SHIFT)
        .moveToElement(page.stage(), page.offsetX(ns2.get(0) + 10), page.offsetY(ns2.get(1) + 8))
        .click()
        .keyUp(Keys.SHIFT)
        .perform();
    chromium.until(driver -> selectionOutlines() == 2);
    new Actions(chromium.driver()).sendKeys(Keys.DELETE).perform();
    chromium.until(driver -> !page.hasBox("host1/ns1") && !page.hasBox("host1/ns2"));

    // Two containers and a namespace for the bridge, each dragged from the palette.
    dragFromPalette("palette-namespace", 0.15, 0.25);
    page.boxAppears("host1/ns1");
    dragFromPalette("palette-namespace", 0.75, 0.25);
    page.boxAppears("host1/ns2");
    dragFromPalette("palette-namespace", 0.45, 0.25);
    page.boxAppears("host1/ns3");
    List<Double> hub = screenBox("host1/ns3");
    dragFromPalette("palette-bridge", hub.get(0) + hub.get(2) / 2, hub.get(1) + hub.get(3) - 8);
    chromium.until(driver -> hasPort("host1/ns3/br1"));

    // Connect each container to the bridge: a veth pair with one end a port of br1.
    chromium.find(By.id("tool-connect")).click();
    connectToBridge("host1/ns1");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "You connected ns1 to br1 in ns3"));
    chromium.until(driver -> hasPort("host1/ns1/veth1") && hasPort("host1/ns3/veth2"));
    connectToBridge("host1/ns2");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "You connected ns2 to br1 in ns3"));
    assertThat(chromium.find(By.id("command-log")).getText()).contains("master br1");
    chromium.find(By.id("tool-select")).click();
    String veth1 = portIn("host1/ns1");
    String veth2 = portIn("host1/ns2");

    // Addresses, and a rule in ns2 that lets pings in (so the trace walks ns2's filter INPUT).
    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    chromium.typeCommand("ip netns exec ns1 ip addr add 10.0.0.1/24 dev " + veth1);
    chromium.typeCommand("ip netns exec ns2 ip addr add 10.0.0.2/24 dev " + veth2);
    chromium.typeCommand("ip netns exec ns2 iptables -A INPUT -p icmp -j ACCEPT");
    chromium.until(driver ->
        (Boolean)
            chromium.execute(
                "return Konva.stages[0].find('.device-port').some(n =>"
                    + " n.find('Text').some(t => t.text() === '10.0.0.2/24'));"));
    chromium.screenshot("pipeline-lab-built.png");

    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    List<String> kinds = LabPageView.attributes(page.rows(), "data-kind");
    assertThat(kinds)
        .contains(
            "ARP_REQUEST_SENT",
            "BRIDGE_FLOOD",
            "BRIDGE_FORWARD",
            "NF_HOOK",
            "NF_CHAIN",
            "NF_VERDICT",
            "SOCKET_DELIVER");

    // Expand ns2 by a double click on its box: its pipeline is drawn, nothing lit before step 1.
    List<Double> receiver = screenBox("host1/ns2");
    new Actions(chromium.driver())
        .moveToElement(
            page.stage(), page.offsetX(receiver.get(0) + 10), page.offsetY(receiver.get(1) + 8))
        .doubleClick()
        .perform();
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("pipeline-toggle"), "aria-pressed", "true"));
    assertThat(chromium.find(By.id("pipeline-toggle")).getDomAttribute("aria-label"))
        .isEqualTo("Hide the netfilter pipeline of ns2");
    chromium.until(driver -> "host1/ns2".equals(pipelineAttr("nsKey")));
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("inspector-netns"), "value", "host1/ns2"));
    assertThat(pipelineAttr("litStage")).isEqualTo("");
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");

    // Step forward with → until the packet is in ns2's filter INPUT chain.
    chromium.execute("document.activeElement.blur();");
    int input = -1;
    for (int step = 0; step < kinds.size() && input < 0; step++) {
      new Actions(chromium.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
      page.currentIs(step);
      if ("INPUT".equals(pipelineAttr("litStage"))
          && "filter".equals(pipelineAttr("litTable"))
          && Long.valueOf(1).equals(pipelineAttr("litRule"))) {
        input = step;
      }
    }
    assertThat(input).as("a step at rule 1 of ns2's filter INPUT chain").isPositive();
    assertThat(kinds.get(input)).startsWith("NF_");
    assertThat(((Number) chromium.execute(litRows())).intValue()).isEqualTo(1);
    WebElement status = chromium.find(By.cssSelector("#pipeline-status p[data-ns='host1/ns2']"));
    assertThat(status.getDomAttribute("data-stage")).isEqualTo("INPUT");
    assertThat(status.getDomAttribute("data-rule")).isEqualTo("1");
    assertThat(status.getAttribute("textContent"))
        .contains("At INPUT › filter INPUT, rule 1: -A INPUT -p icmp -j ACCEPT.");
    assertThat(pipelineCaption())
        .isEqualTo("At INPUT › filter INPUT, rule 1: -A INPUT -p icmp -j ACCEPT.");
    // The header inspector shows the echo request (no Ethernet header at the IP layer); ns2 has
    // learnt ns1's address.
    WebElement headers = chromium.find(By.id("headers-panel"));
    assertThat(
            LabPageView.attributes(
                headers.findElements(By.cssSelector("[data-layer]")), "data-layer"))
        .containsExactly("ipv4", "icmp");
    assertThat(headers.getText()).contains("10.0.0.1").contains("10.0.0.2");
    assertThat(page.neighbourRows()).anyMatch(row -> row.startsWith("10.0.0.1 dev " + veth2));
    chromium.screenshot("pipeline-input-lit.png");

    // ← steps back to entering filter INPUT; « Start goes before the ARP: the table is empty again.
    new Actions(chromium.driver()).sendKeys(Keys.ARROW_LEFT).perform();
    page.currentIs(input - 1);
    assertThat(kinds.get(input - 1)).isEqualTo("NF_CHAIN");
    assertThat(pipelineAttr("litTable")).isEqualTo("filter");
    assertThat(pipelineAttr("litRule")).as("the chain entered, no rule yet").isEqualTo(0L);
    page.click(chromium.find(By.id("jump-start")));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("inspector-when"), "before"));
    assertThat(chromium.find(By.id("state-neighbours")).getText()).isEqualTo("Empty.");
    assertThat(pipelineAttr("litStage")).isEqualTo("");

    // A rule that drops the ping: the drop is shown in filter INPUT with its reason.
    chromium.typeCommand("ip netns exec ns2 iptables -I INPUT -p icmp -j DROP");
    new Select(chromium.find(By.id("ping-from"))).selectByValue("host1/ns1");
    page.click(chromium.find(By.id("ping-button")));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "0 received"));
    chromium.execute("document.activeElement.blur();");
    int count = page.rows().size();
    boolean dropped = false;
    for (int step = 0; step < count && !dropped; step++) {
      new Actions(chromium.driver()).sendKeys(Keys.ARROW_RIGHT).perform();
      page.currentIs(step);
      dropped = Boolean.TRUE.equals(pipelineAttr("dropped"));
    }
    assertThat(dropped).as("a step that drops the ping in ns2").isTrue();
    assertThat(pipelineAttr("litStage")).isEqualTo("INPUT");
    assertThat(pipelineAttr("litTable")).isEqualTo("filter");
    assertThat(pipelineCaption())
        .startsWith("Dropped at INPUT › filter INPUT, rule 1: -A INPUT -p icmp -j DROP.")
        .contains("Dropped by rule 1");
    chromium.screenshot("pipeline-drop.png");

    // The button beside the selected box collapses the pipeline again.
    page.click(chromium.find(By.id("pipeline-toggle")));
    chromium.until(driver -> pipelineAttr("nsKey") == null);
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
  }

  /** Drags a palette item onto the stage at (x, y): fractions of the stage's size when below 1. */
  private void dragFromPalette(String id, double x, double y) {
    double atX = x <= 1 ? x * page.stage().getRect().getWidth() : x;
    double atY = y <= 1 ? y * page.stage().getRect().getHeight() : y;
    new Actions(chromium.driver())
        .clickAndHold(chromium.find(By.id(id)))
        .moveByOffset(20, 20)
        .moveToElement(page.stage(), page.offsetX(atX), page.offsetY(atY))
        .release()
        .perform();
  }

  private void connectToBridge(String from) {
    List<Double> box = screenBox(from);
    List<Double> bridge = rect(".device-port", "deviceKey", "host1/ns3/br1");
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(box.get(0) + 10), page.offsetY(box.get(1) + 8))
        .clickAndHold()
        .moveByOffset(10, 10)
        .moveToElement(
            page.stage(),
            page.offsetX(bridge.get(0) + bridge.get(2) / 2),
            page.offsetY(bridge.get(1) + bridge.get(3) / 2))
        .release()
        .perform();
  }

  /** The name of the one veth device drawn in a namespace (once it is there). */
  private String portIn(String namespace) {
    return chromium.until(driver ->
        (String)
            chromium.execute(
                "const p = Konva.stages[0].find('.device-port')"
                    + ".map(n => n.getAttr('deviceKey'))"
                    + ".find(k => k.startsWith(arguments[0] + '/veth'));"
                    + " return p === undefined ? null : p.split('/')[2];",
                namespace));
  }

  private Object pipelineAttr(String name) {
    return chromium.execute(
        "const p = Konva.stages[0].findOne('.pipeline');"
            + " return p === undefined ? null : p.getAttr(arguments[0]);",
        name);
  }

  private String pipelineCaption() {
    return (String) chromium.execute("return Konva.stages[0].findOne('.pipeline-caption').text();");
  }

  private static String litRows() {
    return "return Konva.stages[0].find('.pipeline-table').filter(n => n.getAttr('lit')).length;";
  }

  private boolean hasPort(String key) {
    return (Boolean)
        chromium.execute(
            "return Konva.stages[0].find('.device-port')"
                + ".some(n => n.getAttr('deviceKey') === arguments[0]);",
            key);
  }

  private List<Double> screenBox(String key) {
    return rect(".namespace-box", "nsKey", key);
  }

  /** A shape on the stage, in stage pixels: x, y, width, height. */
  @SuppressWarnings("unchecked")
  private List<Double> rect(String selector, String attribute, String key) {
    List<Number> numbers =
        (List<Number>)
            chromium.execute(
                "const n = Konva.stages[0].find(arguments[0])"
                    + ".find(n => n.getAttr(arguments[1]) === arguments[2]);"
                    + " const r = n.getClientRect(); return [r.x, r.y, r.width, r.height];",
                selector,
                attribute,
                key);
    return numbers.stream().map(Number::doubleValue).toList();
  }

  private long selectionOutlines() {
    return ((Number) chromium.execute("return Konva.stages[0].find('.selection-outline').length;"))
        .longValue();
  }
}
