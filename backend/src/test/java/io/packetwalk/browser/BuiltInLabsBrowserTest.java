package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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
 * A built-in lab picked in the header, in real headless Chromium: flannel's VXLAN lab opens with
 * its two hosts and the tunnel between their VTEPs drawn; a pod-to-pod ping plays, and at the step
 * where flannel.1 wraps the frame the packet is drawn inside its envelope. Screenshots land in
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BuiltInLabsBrowserTest {

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void theFlannelVxlanLabOpensFromTheHeaderAndShowsAWrappedPacketInsideTheTunnel()
      throws IOException {
    chromium.openLabPage(port);
    chromium.until(ExpectedConditions.presenceOfElementLocated(By.id("lab-picker")));
    new Select(chromium.find(By.id("lab-picker"))).selectByValue("flannel-vxlan");
    chromium.until(ExpectedConditions.urlContains("?lab=flannel-vxlan"));
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".lab-name"), "Flannel VXLAN: pods on two hosts"));
    assertThat(count(".vxlan-tunnel")).as("the tunnel between the two VTEPs").isEqualTo(1);
    assertThat(count(".underlay-cable")).isEqualTo(2);

    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/pod1']")));
    chromium.pingAndAwaitReply("host1/pod1", "10.244.2.2");
    chromium.find(By.cssSelector("#event-list li[data-kind='ENCAPSULATE']")).click();
    chromium.until(driver -> count(".wrapped") == 1);
    assertThat(chromium.find(By.id("headers-panel")).getText()).contains("VXLAN").contains("Inner");
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
    chromium.screenshot("flannel-vxlan-wrapped.png");
  }

  @Test
  void theMasqueradeLabShowsTheRewrittenSourceOfAContainersPing() throws IOException {
    chromium.driver().get("http://localhost:" + port + "/?lab=masquerade");
    chromium.until(
        ExpectedConditions.attributeToBe(By.id("connection-status"), "data-status", "connected"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".lab-name"), "Containers reach the internet through MASQUERADE"));
    chromium.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#ping-from option[value='host1/c1']")));
    chromium.find(By.cssSelector(".builtin-notes summary")).click();
    assertThat(chromium.find(By.id("builtin-notes-text")).getText())
        .contains("nat POSTROUTING's MASQUERADE rewrites its source to 198.51.100.2");
    chromium.screenshot("masquerade-notes.png");
    chromium.find(By.cssSelector(".builtin-notes summary")).click();
    chromium.pingAndAwaitReply("host1/c1", "198.51.100.1");
    chromium.find(By.cssSelector("#event-list li[data-kind='NAT_REWRITE']")).click();
    assertThat(chromium.find(By.id("headers-panel")).getText()).contains("198.51.100.2");
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
    chromium.screenshot("masquerade-rewritten.png");
  }

  private int count(String selector) {
    return ((Number)
            chromium.execute("return Konva.stages[0].find(arguments[0]).length;", selector))
        .intValue();
  }
}
