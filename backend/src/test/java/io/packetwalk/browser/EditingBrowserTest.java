package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Editing the built-in lab on the canvas with real mouse and keyboard actions in headless Chromium:
 * a dragged box stays where it was dropped when the console adds a namespace and after a reload
 * (the lab keeps its place); Delete removes a selected namespace and Ctrl+Z brings it back (a ping
 * crosses again); the palette adds a namespace where it is dropped and Connect joins it by a veth
 * pair; a refused rename shows the kernel's error next to the device as text and changes nothing.
 * Boxes are read through Konva's own nodes; screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EditingBrowserTest {

  private static final String XSS = "<img src=x onerror=alert(1)>";

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));
  private final LabPageView page = new LabPageView(chromium);

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void aDraggedNamespaceStaysWhereItIsDroppedWhenTheConsoleAddsOneAndAfterAReload()
      throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    List<Double> before = screenBox("host1/ns2");
    List<Double> ns1 = screenBox("host1/ns1");

    List<Double> sceneBefore = sceneBox("host1/ns2");
    drag(before.get(0) + 12, before.get(1) + 8, -50, 30);
    chromium.until(
        driver -> Math.abs(centreY(sceneBox("host1/ns2")) - centreY(sceneBefore) - 30) < 2);
    List<Double> scenePlace = sceneBox("host1/ns2");
    assertThat(centreX(scenePlace) - centreX(sceneBefore)).isCloseTo(-50, within(2.0));
    List<Double> dropped = screenBox("host1/ns2");

    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    chromium.typeCommand("ip netns add ns3");
    page.boxAppears("host1/ns3");
    assertThat(screenBox("host1/ns2")).as("ns2 did not move").isEqualTo(dropped);
    assertThat(screenBox("host1/ns1")).as("ns1 did not move").isEqualTo(ns1);
    assertThat(chromium.find(By.id("out-of-view")).getText())
        .as("the new box went where there was room, out of this view")
        .startsWith("ns3 was added out of view");
    chromium.screenshot("edit-dragged-then-console.png");

    chromium.driver().navigate().refresh();
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    page.boxAppears("host1/ns3");
    List<Double> reloaded = sceneBox("host1/ns2");
    assertThat(centreX(reloaded)).isCloseTo(centreX(scenePlace), within(0.5));
    assertThat(centreY(reloaded)).isCloseTo(centreY(scenePlace), within(0.5));
  }

  @Test
  void deleteByKeyboardThenUndoAndRedo() throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    List<Double> ns2 = screenBox("host1/ns2");
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(ns2.get(0) + 10), page.offsetY(ns2.get(1) + 8))
        .click()
        .perform();
    chromium.until(driver -> selectionOutlines() == 1);
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("inspector-netns"), "value", "host1/ns2"));
    new Actions(chromium.driver()).sendKeys(Keys.DELETE).perform();
    chromium.until(driver -> !page.hasBox("host1/ns2"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "You deleted ns2"));
    assertThat(chromium.find(By.id("command-log")).getText()).contains("host1$ ip netns del ns2");
    chromium.screenshot("edit-deleted-ns2.png");

    new Actions(chromium.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys("z")
        .keyUp(Keys.CONTROL)
        .perform();
    page.boxAppears("host1/ns2");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "You undo: deleted ns2"));
    assertThat(chromium.find(By.id("command-log")).getText()).contains("ip netns add ns2");
    chromium.pingAndAwaitReply("host1/ns1", "10.0.0.2");
    chromium.screenshot("edit-undone.png");

    new Actions(chromium.driver())
        .keyDown(Keys.CONTROL)
        .keyDown(Keys.SHIFT)
        .sendKeys("z")
        .keyUp(Keys.SHIFT)
        .keyUp(Keys.CONTROL)
        .perform();
    chromium.until(driver -> !page.hasBox("host1/ns2"));
    assertThat(chromium.findAll(By.id("edit-refusal"))).isEmpty();
  }

  @Test
  void thePaletteAddsANamespaceWhereItIsDroppedAndConnectJoinsItByAVethPair() throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    List<Double> ns1 = screenBox("host1/ns1");
    List<Double> ns2 = screenBox("host1/ns2");
    // The boxes fill the canvas: the new one is dropped over ns1 (a place is the person's choice).
    double dropX = centreX(ns1);
    double dropY = centreY(ns1);
    WebElement item = chromium.find(By.id("palette-namespace"));
    new Actions(chromium.driver())
        .clickAndHold(item)
        .moveByOffset(20, 20)
        .moveToElement(page.stage(), page.offsetX(dropX), page.offsetY(dropY))
        .release()
        .perform();
    page.boxAppears("host1/ns3");
    List<Double> ns3 = screenBox("host1/ns3");
    assertThat(ns3.get(0) + ns3.get(2) / 2).isCloseTo(dropX, within(2.0));

    chromium.find(By.id("tool-connect")).click();
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(ns2.get(0) + 10), page.offsetY(ns2.get(1) + 8))
        .clickAndHold()
        .moveByOffset(-10, 10)
        .moveToElement(page.stage(), page.offsetX(ns3.get(0) + 10), page.offsetY(ns3.get(1) + 8))
        .release()
        .perform();
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("command-log"), "You connected ns2 to ns3"));
    chromium.until(driver -> painted("device-port").contains("veth3"));
    assertThat(chromium.find(By.id("command-log")).getText())
        .contains("host1$ ip link add veth3 type veth peer name veth4")
        .contains("host1$ ip link set veth3 netns ns2")
        .contains("host1$ ip link set veth4 netns ns3");
    chromium.screenshot("edit-palette-connect.png");
  }

  @Test
  void aRefusedRenameShowsTheKernelsErrorAsTextAndChangesNothing() throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns1");
    rename("host1/ns1/veth1", XSS);
    WebElement refusal =
        chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-refusal")));
    assertThat(refusal.getText()).contains("not a valid ifname").contains(XSS);
    assertThat(chromium.findAll(By.cssSelector("img"))).as("no element made of the name").isEmpty();
    assertThat(chromium.find(By.id("command-log")).getText())
        .contains("Refused: you renamed veth1 to " + XSS);
    assertThat(painted("device-port")).contains("veth1");
    chromium.screenshot("edit-refused-rename.png");

    rename("host1/ns1/veth1", "lo");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("edit-refusal"), "File exists"));
    assertThat(painted("device-port")).contains("veth1").doesNotContain("veth1 (down)");

    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    chromium.typeCommand("ip netns add '" + XSS + "'");
    chromium.until(driver -> painted("namespace-box").contains(XSS));
    assertThat(chromium.findAll(By.cssSelector("img"))).isEmpty();
    try {
      chromium.driver().switchTo().alert();
      throw new AssertionError("the name ran as script");
    } catch (NoAlertPresentException expected) {
      // The name is text.
    }
    chromium.screenshot("edit-name-as-text.png");
  }

  @Test
  void thePaletteDropsARouterAnInternetHostAVtepAndAnUnderlaySwitchEachAsOneBatch()
      throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    List<Double> ns1 = screenBox("host1/ns1");
    List<Double> ns2 = screenBox("host1/ns2");

    dropPaletteItem("palette-router", centreX(ns1), centreY(ns1));
    page.boxAppears("host1/router1");
    logShows("You added router router1");
    assertThat(log()).contains("host1$ ip netns exec router1 sysctl -w net.ipv4.ip_forward=1");

    dropPaletteItem("palette-internet", ns2.get(0) + 12, ns2.get(1) + 8);
    page.boxAppears("host1/internet1");
    logShows("You added internet host internet1 (203.0.113.10) behind ns2");
    assertThat(log()).contains("host1$ ip netns exec ns2 ip addr add 203.0.113.1/24 dev veth3");
    chromium.pingAndAwaitReply("host1/ns2", "203.0.113.10");

    List<Double> router = screenBox("host1/router1");
    dropPaletteItem("palette-vtep", router.get(0) + 12, router.get(1) + 8);
    logShows("You added VTEP vxlan1 (VNI 101) to router1");
    chromium.until(driver -> painted("device-port").contains("vxlan1"));
    assertThat(log()).contains("ip link add vxlan1 type vxlan id 101 dstport 4789");

    // A key adds an item as a click on it does: U, an underlay switch; then H, a host that comes
    // with its eth0 plugged into that switch.
    new Actions(chromium.driver()).sendKeys("u").perform();
    logShows("You added underlay switch sw1");
    assertThat(log()).contains("pw switch add sw1");
    new Actions(chromium.driver()).sendKeys("h").perform();
    logShows("You added host host2 on switch sw1");
    assertThat(log()).contains("pw nic add host2 eth0 switch sw1");
    chromium.screenshot("edit-palette-router-internet-vtep-switch.png");

    chromium.find(By.id("edit-undo")).click();
    chromium.until(driver -> log().contains("pw host del host2"));
    chromium.find(By.id("edit-undo")).click();
    chromium.until(driver -> log().contains("pw switch del sw1"));
    assertThat(chromium.findAll(By.id("edit-refusal"))).isEmpty();
  }

  @Test
  void aNamespaceDroppedOnAnotherHostsBoxIsMadeInThatHostAndTheHostAddIsUndoable()
      throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    chromium.find(By.id("palette-host")).click();
    logShows("You added host host2");
    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");
    chromium.typeCommand("pw on host2 ip netns add web");
    page.boxAppears("host2/web");
    chromium.find(By.id("zoom-fit")).click();
    // Dropped inside host2 (on its namespace web's box): the new namespace is made in host2.
    List<Double> web = screenBox("host2/web");
    dropPaletteItem("palette-namespace", web.get(0) + web.get(2) - 6, web.get(1) + web.get(3) - 6);
    page.boxAppears("host2/ns1");
    logShows("You added namespace ns1");
    assertThat(log()).contains("host2$ ip netns add ns1");
    chromium.screenshot("edit-palette-nested-in-host2.png");

    // The console has the focus (Ctrl+Z there is the input's own), so the button undoes.

    chromium.find(By.id("edit-undo")).click();
    chromium.until(driver -> !page.hasBox("host2/ns1"));
    chromium.typeCommand("pw on host2 ip netns del web");
    chromium.until(driver -> !page.hasBox("host2/web"));
    chromium.find(By.id("edit-undo")).click();
    logShows("You undo: added host host2");
    assertThat(log()).contains("host1$ pw host del host2");
  }

  @Test
  void copyAndPasteMakesFreshlyNamedCopiesAndAMoveIsUndoneLikeAnyEdit() throws IOException {
    chromium.openLabPage(port);
    page.boxAppears("host1/ns2");
    List<Double> ns1 = screenBox("host1/ns1");
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(ns1.get(0) + 10), page.offsetY(ns1.get(1) + 8))
        .click()
        .keyDown(Keys.CONTROL)
        .sendKeys("c")
        .sendKeys("v")
        .keyUp(Keys.CONTROL)
        .perform();
    page.boxAppears("host1/ns3");
    logShows("You pasted ns3 (copies of ns1)");
    assertThat(log())
        .contains("host1$ ip netns add ns3")
        .contains("host1$ ip link add veth3 type veth peer name veth4")
        .contains("host1$ ip link set veth4 netns ns2");
    chromium.screenshot("edit-pasted-ns3.png");

    List<Double> sceneBefore = sceneBox("host1/ns2");
    List<Double> ns2 = screenBox("host1/ns2");
    // The box's bottom right corner: clear of its devices (a drag from one draws a link).
    drag(ns2.get(0) + ns2.get(2) - 6, ns2.get(1) + ns2.get(3) - 6, 40, 40);
    chromium.until(driver -> Math.abs(centreX(sceneBox("host1/ns2")) - centreX(sceneBefore)) > 30);
    undoByKeyboard();
    chromium.until(driver -> Math.abs(centreX(sceneBox("host1/ns2")) - centreX(sceneBefore)) < 1);
    assertThat(centreY(sceneBox("host1/ns2"))).isCloseTo(centreY(sceneBefore), within(1.0));
    undoByKeyboard();
    chromium.until(driver -> !page.hasBox("host1/ns3"));
    logShows("You undo: pasted ns3 (copies of ns1)");
  }

  private void dropPaletteItem(String id, double x, double y) {
    new Actions(chromium.driver())
        .clickAndHold(chromium.find(By.id(id)))
        .moveByOffset(20, 20)
        .moveToElement(page.stage(), page.offsetX(x), page.offsetY(y))
        .release()
        .perform();
  }

  private void undoByKeyboard() {
    new Actions(chromium.driver())
        .keyDown(Keys.CONTROL)
        .sendKeys("z")
        .keyUp(Keys.CONTROL)
        .perform();
  }

  private void logShows(String text) {
    chromium.until(ExpectedConditions.textToBePresentInElementLocated(By.id("command-log"), text));
  }

  private String log() {
    return chromium.find(By.id("command-log")).getText();
  }

  private void rename(String deviceKey, String name) {
    List<Double> port = screenPort(deviceKey);
    new Actions(chromium.driver())
        .moveToElement(page.stage(), page.offsetX(port.get(0) + 6), page.offsetY(port.get(1) + 6))
        .doubleClick()
        .perform();
    WebElement field =
        chromium.until(ExpectedConditions.visibilityOfElementLocated(By.id("rename-field")));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), name, Keys.ENTER);
  }

  private void drag(double x, double y, double dx, double dy) {
    Actions actions =
        new Actions(chromium.driver())
            .moveToElement(page.stage(), page.offsetX(x), page.offsetY(y))
            .clickAndHold();
    for (int i = 1; i <= 6; i++) {
      actions.moveToElement(
          page.stage(), page.offsetX(x + dx * i / 6), page.offsetY(y + dy * i / 6));
    }
    actions.release().perform();
  }

  private static double centreX(List<Double> box) {
    return box.get(0) + box.get(2) / 2;
  }

  private static double centreY(List<Double> box) {
    return box.get(1) + box.get(3) / 2;
  }

  /** A namespace box (with its tab) on the stage, in stage pixels: x, y, width, height. */
  private List<Double> screenBox(String key) {
    return rect(".namespace-box", "nsKey", key, "");
  }

  private List<Double> sceneBox(String key) {
    return rect(".namespace-box", "nsKey", key, "{ relativeTo: n.getLayer() }");
  }

  private List<Double> screenPort(String key) {
    return rect(".device-port", "deviceKey", key, "");
  }

  @SuppressWarnings("unchecked")
  private List<Double> rect(String selector, String attribute, String key, String options) {
    List<Number> numbers =
        (List<Number>)
            chromium.execute(
                "const n = Konva.stages[0].find(arguments[0])"
                    + ".find(n => n.getAttr(arguments[1]) === arguments[2]);"
                    + " const r = n.getClientRect("
                    + options
                    + "); return [r.x, r.y, r.width, r.height];",
                selector,
                attribute,
                key);
    return numbers.stream().map(Number::doubleValue).toList();
  }

  private long selectionOutlines() {
    return ((Number) chromium.execute("return Konva.stages[0].find('.selection-outline').length;"))
        .longValue();
  }

  /** The first text of every shape the canvas painted under the Konva name {@code name}. */
  @SuppressWarnings("unchecked")
  private List<String> painted(String name) {
    return (List<String>)
        chromium.execute(
            "return Konva.stages[0].find('.' + arguments[0]).map(node =>"
                + " node.findOne('Text').text());",
            name);
  }
}
