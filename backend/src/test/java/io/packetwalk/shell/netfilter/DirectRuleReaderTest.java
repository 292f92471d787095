package io.packetwalk.shell.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.netfilter.IpSets;
import io.packetwalk.kernel.netfilter.Match;
import io.packetwalk.kernel.netfilter.Rule;
import io.packetwalk.kernel.netfilter.Table;
import io.packetwalk.kernel.netfilter.TableKind;
import io.packetwalk.shell.ToolFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The restore's direct reader of kube-proxy rule lines builds exactly the rule the general parser
 * builds, and declines (null) every line the general parser refuses or reads another way. Lines are
 * kube-proxy's four rule shapes, then often bent: words swapped, dropped, repeated or replaced by
 * near misses (quotes, escapes, grouped flags, odd addresses, ports and probabilities).
 */
class DirectRuleReaderTest {

  private static final String PROGRAM = IptablesRestoreCommand.PROGRAM;
  private static final IpSets SETS = new IpSets();

  @Property(tries = 3000)
  void kubeProxyLinesAreReadDirectlyAsTheGeneralParserReadsThem(@ForAll long seed) {
    Random random = new Random(seed);
    String line = String.join(" ", kubeProxyLine(random));
    DirectRuleReader.Append direct = readerFor(line, random, false).read(line, 0, line.length());
    assertThat(direct).as(line).isNotNull();
    assertSame(direct, general(line), line);
  }

  @Property(tries = 10000)
  void bentLinesAreReadAsTheGeneralParserReadsThemOrLeftToIt(@ForAll long seed) {
    Random random = new Random(seed);
    List<String> words = kubeProxyLine(random);
    int bends = 1 + random.nextInt(3);
    for (int i = 0; i < bends; i++) {
      bend(words, random);
    }
    String line = String.join(random.nextInt(8) == 0 ? "\t" : " ", words).strip();
    if (line.isEmpty()) {
      return;
    }
    DirectRuleReader reader = readerFor(line, random, true);
    if (random.nextBoolean()) {
      String earlier = String.join(" ", kubeProxyLine(random));
      reader.read(earlier, 0, earlier.length());
    }
    DirectRuleReader.Append direct = reader.read(line, 0, line.length());
    if (direct == null) {
      return;
    }
    IptablesRequest general;
    try {
      general = general(line);
    } catch (ToolFailure failure) {
      throw new AssertionError(
          "read directly, but the general parser refuses: " + line + "\n" + failure.getMessage());
    }
    assertSame(direct, general, line);
  }

  /**
   * A reader of a nat block that declared a user chain for each word of {@code line} (or, with
   * {@code someMissing}, for most of them), in the line's order or shuffled, as a restore block
   * declares its chains before its rules.
   */
  private static DirectRuleReader readerFor(String line, Random random, boolean someMissing) {
    Table table = new Table(TableKind.NAT);
    DirectRuleReader reader = new DirectRuleReader();
    reader.begin(table);
    List<String> names = new ArrayList<>(List.of(line.split("[ \t]+")));
    if (random.nextBoolean()) {
      Collections.shuffle(names, random);
    }
    for (String word : names) {
      if (table.chain(word).isEmpty() && !(someMissing && random.nextInt(4) == 0)) {
        reader.declared(table.addUserChain(word));
      }
    }
    return reader;
  }

  private static IptablesRequest general(String line) {
    List<String> words = new ArrayList<>(List.of("-t", "nat"));
    words.addAll(RestoreWords.split(line));
    return new RuleParser(PROGRAM, kind -> Optional.empty(), SETS, true).parse(words);
  }

  private static void assertSame(
      DirectRuleReader.Append append, IptablesRequest general, String line) {
    IptablesRequest direct = append.request();
    assertThat(append.chain().name()).as(line).isEqualTo(general.chain());
    assertThat(direct.command()).as(line).isEqualTo(general.command());
    assertThat(direct.chain()).as(line).isEqualTo(general.chain());
    assertThat(direct.table()).as(line).isEqualTo(general.table());
    assertThat(direct.number()).as(line).isEqualTo(general.number());
    assertThat(direct.format()).as(line).isEqualTo(general.format());
    Rule a = direct.rule();
    Rule b = general.rule();
    assertThat(a.ip()).as(line).isEqualTo(b.ip());
    assertThat(a.target()).as(line).isEqualTo(b.target());
    assertThat(a.matches()).as(line).hasSameSizeAs(b.matches());
    for (int i = 0; i < a.matches().size(); i++) {
      Match x = a.matches().get(i);
      Match y = b.matches().get(i);
      assertThat(x.getClass()).as(line).isEqualTo(y.getClass());
      if (x.getClass().isRecord()) {
        assertThat(x).as(line).isEqualTo(y);
      }
      assertThat(saved(x)).as(line).isEqualTo(saved(y));
    }
    assertThat(a.spec()).as(line).isEqualTo(b.spec());
  }

  private static String saved(Match match) {
    StringBuilder out = new StringBuilder();
    match.save(out);
    match.listing(out.append('|'));
    return out.toString();
  }

  /** One of kube-proxy's rule shapes, with random names, addresses, ports and probabilities. */
  private static List<String> kubeProxyLine(Random random) {
    String svc = "KUBE-SVC-" + name(random);
    String sep = "KUBE-SEP-" + name(random);
    String ip = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
    int port = random.nextInt(65536);
    String comment = "ns" + random.nextInt(100) + "/svc" + random.nextInt(100) + ":p" + port;
    String protocol = random.nextBoolean() ? "tcp" : "udp";
    List<String> words = new ArrayList<>();
    switch (random.nextInt(5)) {
      case 0 -> {
        words.addAll(List.of("-A", "KUBE-SERVICES", "-d", ip + "/32", "-p", protocol));
        words.addAll(List.of("-m", "comment", "--comment", quoted(comment + " cluster IP")));
        words.addAll(List.of("-m", protocol, "--dport", Integer.toString(port), "-j", svc));
      }
      case 1 -> {
        words.addAll(List.of("-A", svc, "-m", "comment", "--comment"));
        words.add(quoted(comment + " -> " + ip + ":" + port));
        words.addAll(List.of("-m", "statistic", "--mode", "random", "--probability"));
        words.add(String.format(java.util.Locale.ROOT, "%.11f", random.nextDouble()));
        words.addAll(List.of("-j", sep));
      }
      case 2 -> {
        words.addAll(List.of("-A", sep, "-s", ip + "/" + random.nextInt(33)));
        words.addAll(
            List.of("-m", "comment", "--comment", quoted(comment), "-j", "KUBE-MARK-MASQ"));
      }
      case 3 -> {
        words.addAll(List.of("-A", sep, "-p", protocol, "-m", "comment", "--comment"));
        words.addAll(List.of(quoted(comment), "-m", protocol, "-j", "DNAT", "--to-destination"));
        words.add(ip + ":" + (1 + random.nextInt(65535)));
      }
      default -> words.addAll(List.of("-A", "KUBE-SERVICES", "-j", svc));
    }
    return words;
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String name(Random random) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      name.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(random.nextInt(32)));
    }
    return name.toString();
  }

  /** Words a bent line may take in: near misses of what the reader takes. */
  private static final String[] NEAR_MISSES = {
    "!",
    "-",
    "-A",
    "-I",
    "-D",
    "-s",
    "-d",
    "-p",
    "-m",
    "-j",
    "-g",
    "-i",
    "eth0",
    "-o",
    "-t",
    "nat",
    "-tnat",
    "--dport",
    "--sport",
    "--comment",
    "--comment=x",
    "--dport=80",
    "comment",
    "tcp",
    "udp",
    "TCP",
    "sctp",
    "icmp",
    "statistic",
    "--mode",
    "random",
    "nth",
    "--probability",
    "0.5",
    "1",
    "1.0",
    "1.5",
    "-0",
    "0x1p-1",
    "1e-1",
    "NaN",
    "Infinity",
    ".5",
    "0",
    "80",
    "65535",
    "65536",
    "000080",
    "http",
    "1:2",
    "-1",
    "DNAT",
    "SNAT",
    "ACCEPT",
    "DROP",
    "RETURN",
    "MARK",
    "MASQUERADE",
    "KUBE-MARK-MASQ",
    "--to-destination",
    "--to",
    "--random",
    "10.0.0.1",
    "10.0.0.1/32",
    "10.0.0.1/8",
    "10.0.0.1/33",
    "10.0.0.1/",
    "10.0.0.1/255.0.0.0",
    "010.0.0.1",
    "0010.0.0.1/32",
    "256.0.0.1",
    "10.0.0",
    "10.0.0.1.2",
    "255.255.255.255/32",
    "255.255.255.255:80",
    "10.0.0.1:0",
    "10.0.0.1:80",
    "10.0.0.1:65536",
    "10.0.0.1:80-90",
    "10.0.0.1-10.0.0.2",
    ":80",
    "\"a b\"",
    "\"a\\\"b\"",
    "\"a'b\"",
    "'a b'",
    "\"\"",
    "a\"b\"c",
    "\"-abc\"",
    "-abc",
    "--x",
    "\"unterminated",
    "[1:2]",
    "x".repeat(256),
    "\"" + "y".repeat(256) + "\"",
    "KUBE-SEP-ABC"
  };

  private static void bend(List<String> words, Random random) {
    int at = words.isEmpty() ? 0 : random.nextInt(words.size());
    switch (random.nextInt(5)) {
      case 0 -> {
        if (!words.isEmpty()) {
          words.remove(at);
        }
      }
      case 1 -> words.add(at, NEAR_MISSES[random.nextInt(NEAR_MISSES.length)]);
      case 2 -> {
        if (!words.isEmpty()) {
          words.set(at, NEAR_MISSES[random.nextInt(NEAR_MISSES.length)]);
        }
      }
      case 3 -> {
        if (words.size() > 1) {
          int other = random.nextInt(words.size());
          String word = words.get(at);
          words.set(at, words.get(other));
          words.set(other, word);
        }
      }
      default -> {
        if (!words.isEmpty()) {
          words.add(at, words.get(random.nextInt(words.size())));
        }
      }
    }
  }
}
