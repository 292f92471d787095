package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * A second host and an underlay switch made with {@code pw} in the console of the page, in real
 * headless Chromium: the canvas frames both hosts, draws the switch and a cable from each host's
 * NIC to it; {@code pw use} moves the console to the other host; a ping across the underlay streams
 * its trace. The canvas is read through Konva's own nodes (the shapes the page painted); a
 * screenshot lands in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HostsConsoleBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void hostsAndAnUnderlaySwitchTypedInTheConsoleAppearOnTheCanvasAndCarryAPing()
      throws IOException {
    chromium.openLabPage(port);
    Select console = new Select(chromium.find(By.id("console-netns")));
    console.selectByValue("host1/");

    chromium.typeCommand("pw host add node2");
    chromium.typeCommand("pw switch add sw0");
    chromium.typeCommand("pw nic add host1 eth0 switch sw0 address 02:00:00:00:01:01");
    chromium.typeCommand("pw nic add node2 eth0 switch sw0 address 02:00:00:00:02:01");
    chromium.typeCommand("ip addr add 192.168.50.1/24 dev eth0");
    chromium.typeCommand("ip link set eth0 up");
    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#console-netns option[value='node2/']")));
    chromium.typeCommand("pw use node2");
    assertThat(console.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("node2/");
    chromium.typeCommand("ip addr add 192.168.50.2/24 dev eth0");
    chromium.typeCommand("ip link set eth0 up");
    chromium.typeCommand("pw hosts");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("console-output"), "* node2  namespaces: none  NICs: eth0 (switch sw0)"));

    chromium.until(driver -> painted("host-label").equals(List.of("host1", "node2")));
    assertThat(painted("underlay-switch")).containsExactly("sw0");
    assertThat(
            ((Number) chromium.execute("return Konva.stages[0].find('.underlay-cable').length;"))
                .intValue())
        .as("one cable per NIC")
        .isEqualTo(2);

    chromium.typeCommand("pw use host1");
    chromium.typeCommand("ping -c 1 192.168.50.2");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), "1 received"));
    assertThat(chromium.find(By.id("console-output")).getText())
        .contains("node2$ ip addr add 192.168.50.2/24 dev eth0")
        .contains("host1$ ping -c 1 192.168.50.2");
    assertThat(chromium.findAll(By.cssSelector("#console-output .console-stderr"))).isEmpty();
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
    chromium.screenshot("hosts-underlay.png");
  }

  /**
   * The texts the canvas painted under the Konva name {@code name} (a group's first text), in paint
   * order.
   */
  @SuppressWarnings("unchecked")
  private List<String> painted(String name) {
    return (List<String>)
        chromium.execute(
            "return Konva.stages[0].find('.' + arguments[0]).map(node =>"
                + " node.getClassName() === 'Text' ? node.text() : node.findOne('Text').text());",
            name);
  }
}
