package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 26-nc-ports.sh as the real tools printed them (captured on Linux 6.18, iproute2 6.1).
 */
class NetcatLabTest {

  private final Lab lab = Lab.run("26-nc-ports.sh");

  @Test
  void listenersAnswerConnects() {
    // ip netns exec srv nc -l 8080 &
    lab.expect(14, 0, "", "");
    // ip netns exec srv nc -l -k 9090 &
    lab.expect(15, 0, "", "");
    // ip netns exec srv nc -u -l 5353 &
    lab.expect(16, 0, "", "");
    // ip netns exec cli nc -z -w 1 10.77.0.1 9090
    lab.expect(17, 0, "", "");
    // ip netns exec cli nc -z -w 1 10.77.0.1 9091
    lab.expect(18, 1, "", "");
    // ip netns exec cli nc -zv -w 1 10.77.0.1 9090
    lab.expect(
        19,
        0,
        "",
        """
        Connection to 10.77.0.1 9090 port [tcp/*] succeeded!
        """);
    // ip netns exec cli nc -zv -w 1 10.77.0.1 9091
    lab.expect(
        20,
        1,
        "",
        """
        nc: connect to 10.77.0.1 port 9091 (tcp) failed: Connection refused
        """);
  }

  @Test
  void udpProbesAndUnreachableHosts() {
    // ip netns exec cli nc -z -u -w 1 10.77.0.1 5353
    lab.expect(21, 0, "", "");
    // ip netns exec cli nc -z -u -w 1 10.77.0.1 5354
    lab.expect(22, 0, "", "");
    // ip netns exec cli nc -z -w 2 10.77.0.9 80
    lab.expect(23, 1, "", "");
    // ip netns exec cli nc -z -w 1 10.78.0.1 80
    lab.expect(24, 1, "", "");
    // ip netns exec srv nc -z -w 1 127.0.0.1 8080
    lab.expect(25, 0, "", "");
    // ip netns exec cli nc -z -w 1 10.77.0.1 8080
    lab.expect(26, 1, "", "");
  }
}
