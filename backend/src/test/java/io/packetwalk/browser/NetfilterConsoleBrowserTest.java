package io.packetwalk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * Netfilter on the built-in lab (ns1 10.0.0.1 ↔ ns2 10.0.0.2), typed into the console of the page
 * in real headless Chromium: an {@code iptables-restore} here-document typed line by line is sent
 * as one command and applied; a ping typed in the console streams its trace, which walks ns2's
 * INPUT chain past a rule that does not match to the REJECT that ends the echo request; a typed
 * {@code -j DROP} ends an nc probe's SYN; a DNAT rule in ns1's nat OUTPUT chain shows its rewrite
 * as changed header fields. Screenshots land in target/screenshots/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NetfilterConsoleBrowserTest {

  /** ns2's INPUT rules: the first does not match a ping, the second (long) rejects it. */
  private static final String SSH_RULE = "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT";

  private static final String REJECT_RULE =
      "-A INPUT -s 10.0.0.1/32 -p icmp -m icmp --icmp-type 8 -m comment --comment"
          + " \"ns1 may not ping ns2: answer with host-prohibited\""
          + " -j REJECT --reject-with icmp-host-prohibited";

  @RegisterExtension final HeadlessChromium chromium = new HeadlessChromium(Duration.ofSeconds(30));
  private final LabPageView page = new LabPageView(chromium);

  @Value("${local.server.port}")
  int port;

  @BeforeAll
  static void needsChromium() {
    HeadlessChromium.assumeInstalled("browser tests");
  }

  @Test
  void aRestoredRejectRuleEndsAPingTypedInTheConsoleAndTheEventListShowsTheRule()
      throws IOException {
    chromium.openLabPage(port);
    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");

    List<String> restore =
        List.of(
            "ip netns exec ns2 iptables-restore <<'EOF'",
            "*filter",
            ":INPUT ACCEPT [0:0]",
            SSH_RULE,
            REJECT_RULE,
            "COMMIT",
            "EOF");
    for (String line : restore.subList(0, restore.size() - 1)) {
      chromium.typeCommand(line);
    }
    assertThat(chromium.find(By.id("console-pending")).getText())
        .as("the lines wait for the terminator")
        .contains("iptables-restore <<'EOF'")
        .contains("> COMMIT");
    chromium.typeCommand("EOF");
    chromium.until(ExpectedConditions.invisibilityOfElementLocated(By.id("console-pending")));
    List<WebElement> echoed = chromium.findAll(By.cssSelector("#console-output .console-command"));
    assertThat(echoed).as("the here-document went as one command").hasSize(1);
    assertThat(echoed.getFirst().getText())
        .startsWith("host1$ ip netns exec ns2 iptables-restore <<'EOF'\n> *filter")
        .endsWith("> COMMIT\n> EOF");

    chromium.typeCommand("ip netns exec ns2 iptables -S INPUT");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("console-output"), "-P INPUT ACCEPT"));
    assertThat(chromium.find(By.id("console-output")).getText())
        .contains("-P INPUT ACCEPT\n" + SSH_RULE + "\n" + REJECT_RULE);
    assertThat(chromium.findAll(By.cssSelector("#console-output .console-stderr"))).isEmpty();
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();

    chromium.typeCommand("ip netns exec ns1 ping -c 1 -W 1 10.0.0.2");
    awaitTrace("ip netns exec ns1 ping -c 1 -W 1 10.0.0.2 in host1 (root)", "100% packet loss");
    assertThat(chromium.find(By.id("trace-outcome")).getText())
        .isEqualTo("1 packets transmitted, 0 received, +1 errors, 100% packet loss");
    assertThat(chromium.find(By.id("console-output")).getText())
        .contains("From 10.0.0.2 icmp_seq=1 Destination Host Prohibited");

    List<WebElement> rows = page.rows();
    assertThat(rows.stream().map(row -> row.getDomAttribute("data-kind")).toList())
        .containsSubsequence("NF_HOOK", "NF_CHAIN", "NF_RULES_SKIPPED", "NF_RULE_MATCH");
    WebElement skipped = row("NF_RULES_SKIPPED");
    assertThat(skipped.findElement(By.cssSelector(".event-netfilter")).getText())
        .isEqualTo("INPUT › filter › INPUT");
    WebElement match = row("NF_RULE_MATCH");
    assertThat(match.findElement(By.cssSelector(".event-netfilter")).getText())
        .isEqualTo("INPUT › filter › INPUT #2");
    assertThat(match.findElement(By.cssSelector(".event-rule")).getText()).isEqualTo(REJECT_RULE);

    // The echo request's life ends on the REJECT: a drop badge, and the rule that did it.
    List<WebElement> drops = chromium.findAll(By.cssSelector("#event-list li.event.drop"));
    assertThat(drops).hasSize(1);
    WebElement rejected = drops.getFirst();
    assertThat(rejected.findElement(By.cssSelector(".badge-drop")).getText())
        .isEqualTo("rejected by netfilter (REJECT)");
    assertThat(rejected.findElement(By.cssSelector(".event-rule")).getText())
        .isEqualTo(REJECT_RULE);
    assertThat(rows.indexOf(rejected)).isEqualTo(rows.indexOf(match) + 1);

    select(match);
    WebElement details = chromium.find(By.id("step-details"));
    assertThat(details.findElement(By.cssSelector(".step-rule")).getText()).isEqualTo(REJECT_RULE);
    assertThat(details.getText()).contains("Counter").contains("filter INPUT 2");
    chromium.screenshot("netfilter-rule-match-selected.png");

    select(rejected);
    assertThat(chromium.find(By.cssSelector("#step-details .step-verdict")).getText())
        .isEqualTo("rejected by netfilter (REJECT)");
    chromium.screenshot("netfilter-reject-selected.png");
    assertInsideItsRow(rejected.findElement(By.cssSelector(".event-rule")));
    assertInsideItsRow(chromium.find(By.cssSelector("#step-details .step-rule")));
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
  }

  @Test
  void aTypedDropEndsAnNcProbeAndADnatRuleShowsItsRewriteAsChangedFields() throws IOException {
    chromium.openLabPage(port);
    new Select(chromium.find(By.id("console-netns"))).selectByValue("host1/");

    chromium.typeCommand("ip netns exec ns2 iptables -A INPUT -p tcp --dport 6000 -j DROP");
    chromium.typeCommand("ip netns exec ns1 nc -z -v -w 1 10.0.0.2 6000");
    awaitTrace("ip netns exec ns1 nc -z -v -w 1 10.0.0.2 6000 in host1 (root)", "timed out");
    WebElement dropped = chromium.findAll(By.cssSelector("#event-list li.event.drop")).getFirst();
    assertThat(dropped.findElement(By.cssSelector(".badge-drop")).getText())
        .isEqualTo("dropped by netfilter (DROP)");
    assertThat(dropped.findElement(By.cssSelector(".event-rule")).getText())
        .isEqualTo("-A INPUT -p tcp -m tcp --dport 6000 -j DROP");
    select(dropped);
    chromium.screenshot("netfilter-drop-selected.png");

    chromium.typeCommand(
        "ip netns exec ns1 iptables -t nat -A OUTPUT -d 10.0.0.99/32 -p tcp -j DNAT"
            + " --to-destination 10.0.0.2");
    chromium.typeCommand("ip netns exec ns2 nc -l 5000 &");
    chromium.typeCommand("ip netns exec ns1 nc -z -v -w 1 10.0.0.99 5000");
    awaitTrace("ip netns exec ns1 nc -z -v -w 1 10.0.0.99 5000 in host1 (root)", "succeeded");
    assertThat(chromium.find(By.id("trace-outcome")).getText())
        .isEqualTo("Connection to 10.0.0.99 5000 port [tcp/*] succeeded!");
    assertThat(chromium.findAll(By.cssSelector("#event-list li.event.drop"))).isEmpty();

    WebElement dnat = row("NF_RULE_MATCH");
    assertThat(dnat.findElement(By.cssSelector(".event-netfilter")).getText())
        .isEqualTo("OUTPUT › nat › OUTPUT #1");
    assertThat(dnat.findElement(By.cssSelector(".event-rule")).getText())
        .isEqualTo("-A OUTPUT -d 10.0.0.99/32 -p tcp -j DNAT --to-destination 10.0.0.2");
    WebElement rewrite = row("NAT_REWRITE");
    assertThat(rewrite.findElement(By.cssSelector(".badge-nat")).getText()).isNotBlank();
    select(rewrite);
    List<WebElement> changed = chromium.findAll(By.cssSelector("#headers-panel tr.changed"));
    assertThat(changed).as("only the destination address changed").hasSize(1);
    WebElement destination = changed.getFirst();
    assertThat(destination.findElement(By.tagName("th")).getText()).isEqualTo("Destination");
    assertThat(destination.findElement(By.cssSelector(".value-before")).getText())
        .isEqualTo("10.0.0.99");
    assertThat(destination.findElement(By.cssSelector(".value-after")).getText())
        .isEqualTo("10.0.0.2");
    assertThat(chromium.find(By.cssSelector("#headers-panel .headers-legend")).getText())
        .startsWith("1 field changed since step");
    chromium.screenshot("netfilter-dnat-header-diff.png");
    assertThat(chromium.findAll(By.cssSelector("#error-banner"))).isEmpty();
  }

  /**
   * Waits until the trace panel shows the trace titled {@code title}, ended with {@code outcome}.
   */
  private void awaitTrace(String title, String outcome) {
    chromium.until(ExpectedConditions.textToBe(By.id("trace-title"), title));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("trace-outcome"), outcome));
  }

  /** The first row of the step kind. */
  private WebElement row(String kind) {
    return chromium.find(By.cssSelector("#event-list li.event[data-kind='" + kind + "']"));
  }

  /** Clicks the row and waits until it is the current step. */
  private void select(WebElement row) {
    row.click();
    String seq = row.getDomAttribute("data-seq");
    chromium.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#event-list li.event.current[data-seq='" + seq + "']")));
  }

  /** A long rule wraps inside its panel instead of running past its right edge. */
  private void assertInsideItsRow(WebElement rule) {
    @SuppressWarnings("unchecked")
    List<Number> box =
        (List<Number>)
            chromium.execute(
                "const rule = arguments[0].getBoundingClientRect();"
                    + " const panel = arguments[0].closest('.panel').getBoundingClientRect();"
                    + " return [rule.right, panel.right, arguments[0].scrollWidth,"
                    + " arguments[0].clientWidth];",
                rule);
    assertThat(box.get(0).doubleValue())
        .as("the rule's right edge inside its panel")
        .isLessThanOrEqualTo(box.get(1).doubleValue());
    assertThat(box.get(2).doubleValue())
        .as("the rule's text needs no horizontal scrolling")
        .isLessThanOrEqualTo(box.get(3).doubleValue() + 1);
  }

  /**
   * The inspector's rules editor: a rule iptables-restore refuses is answered with the line it
   * names and nothing changes; the mended text applies, and the inspector lists the new rule.
   */
  @Test
  void rulesEditedInTheInspectorAreRestoredOrRefusedNamingTheLine() throws IOException {
    chromium.openLabPage(port);
    new Select(chromium.find(By.id("inspector-netns"))).selectByValue("host1/ns2");
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("state-addresses"), "veth2 10.0.0.2/24"));
    chromium.until(ExpectedConditions.elementToBeClickable(By.id("edit-rules"))).click();
    WebElement text = chromium.find(By.id("rules-text"));
    String bad = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport nope -j ACCEPT\nCOMMIT\n";
    chromium.execute(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        text,
        bad);
    chromium.find(By.id("apply-rules")).click();
    chromium.until(ExpectedConditions.attributeToBe(By.id("rules-answer"), "data-exit", "2"));
    assertThat(chromium.find(By.id("rules-error-line")).getText())
        .isEqualTo("Line 3: -A INPUT -p tcp --dport nope -j ACCEPT");
    assertThat(chromium.find(By.cssSelector(".rules-stderr")).getText())
        .contains("invalid port/service `nope' specified");
    chromium.screenshot("inspector-rules-refused.png");

    chromium.execute(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        text,
        bad.replace("nope", "22"));
    chromium.find(By.id("apply-rules")).click();
    chromium.until(ExpectedConditions.attributeToBe(By.id("rules-answer"), "data-exit", "0"));
    chromium.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("state-rules"), "-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT"));
    chromium.screenshot("inspector-rules-applied.png");
  }
}
