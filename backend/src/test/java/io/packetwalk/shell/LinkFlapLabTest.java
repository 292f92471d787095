package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 40-ping-after-link-flap.sh as the real tools printed them (captured on Linux 6.18,
 * iproute2 6.1): a carrier loss evicts the neighbours, unless arp_evict_nocarrier is 0.
 */
class LinkFlapLabTest {

  private final Lab lab = Lab.run("40-ping-after-link-flap.sh");

  @Test
  void carrierLossEvictsTheNeighboursAndThePingAfterTheFlapResolvesAgain() {
    // ip netns exec n1 ip neigh (before the flap)
    lab.expect(16, 0, "10.5.0.2 dev eth0 lladdr 02:00:00:00:05:02 REACHABLE \n", "");
    // ip netns exec n1 ip neigh (the peer is down)
    lab.expect(19, 0, "", "");
    // ip netns exec n1 ip neigh (the peer is up again)
    lab.expect(24, 0, "", "");
    // ip netns exec n1 ping -c 1 -W 1 10.5.0.2
    lab.expect(
        25,
        0,
        """
        PING 10.5.0.2 (10.5.0.2) 56(84) bytes of data.
        64 bytes from 10.5.0.2: icmp_seq=1 ttl=64 time=0.062 ms

        --- 10.5.0.2 ping statistics ---
        1 packets transmitted, 1 received, 0% packet loss, time 0ms
        rtt min/avg/max/mdev = 0.062/0.062/0.062/0.000 ms
        """,
        "");
  }

  @Test
  void withArpEvictNocarrierOffTheEntrySurvivesTheCarrierLoss() {
    // ip netns exec n1 ip neigh (the peer is down)
    lab.expect(47, 0, "10.5.0.2 dev eth0 lladdr 02:00:00:00:05:02 REACHABLE \n", "");
  }
}
