package io.packetwalk.netfilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two clients behind one MASQUERADE that pick the same source port: the first keeps it, the second
 * is given another port of the same class, so replies still find their connection.
 */
class NatPortClashTest {

  private static final Pattern REPLY_PORT =
      Pattern.compile("src=198\\.51\\.100\\.2 dst=198\\.51\\.100\\.1 sport=80 dport=(\\d+)");

  @Test
  void theSecondConnectionFromTheSamePortIsRemapped() {
    NetfilterLab lab = new NetfilterLab(NetfilterLab.ROUTER);
    lab.run("ip netns add c2");
    lab.run("ip -n c2 link add eth0 type veth peer name rc2 netns r");
    lab.run("ip -n c2 addr add 10.0.2.2/24 dev eth0");
    lab.run("ip -n r addr add 10.0.2.1/24 dev rc2");
    lab.run("ip -n c2 link set eth0 up");
    lab.run("ip -n r link set rc2 up");
    lab.run("ip -n c2 route add default via 10.0.2.1");
    lab.run("ip netns exec r iptables -t nat -A POSTROUTING -o rs -j MASQUERADE");
    lab.run("ip netns exec s nc -l -k 80 &");
    assertThat(lab.run("ip netns exec c nc -p 40000 -z -w 1 198.51.100.2 80").exit()).isZero();
    assertThat(lab.run("ip netns exec c2 nc -p 40000 -z -w 1 198.51.100.2 80").exit()).isZero();
    String entries = lab.run("ip netns exec r conntrack -L -p tcp").stdout();
    List<String> lines = entries.lines().toList();
    assertThat(lines).hasSize(2);
    String first = lines.get(0);
    String second = lines.get(1);
    int firstSource = originalSource(first);
    int secondSource = originalSource(second);
    assertThat(secondSource).as(entries).isEqualTo(firstSource);
    assertThat(replyPort(first)).as(entries).isEqualTo(firstSource);
    assertThat(replyPort(second)).as(entries).isNotEqualTo(firstSource).isBetween(1024, 65535);
  }

  private static int originalSource(String entry) {
    Matcher m = Pattern.compile("sport=(\\d+) dport=80 ").matcher(entry);
    assertThat(m.find()).as(entry).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int replyPort(String entry) {
    Matcher m = REPLY_PORT.matcher(entry);
    assertThat(m.find()).as(entry).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
