package io.packetwalk.engine;

import org.junit.jupiter.api.Test;

/**
 * Locks whole walks end to end in {@code src/test/resources/golden/*.trace.txt}. After an intended
 * change, regenerate with {@code -Dgolden.update=true} (the command is in that folder's README.md)
 * and review the diff in git.
 */
class GoldenTraceTest {

  @Test
  void vethPingWalk() {
    TestLabs.Lab lab = TestLabs.vethPair();
    GoldenTrace.assertMatches("veth-ping", lab.ping("ns1", "10.0.0.2").trace());
  }

  @Test
  void bridgedPingWalk() {
    TestLabs.Lab lab = TestLabs.twoOnBridge();
    GoldenTrace.assertMatches("bridge-ping", lab.ping("h1", "172.16.0.2").trace());
  }

  @Test
  void vlanFilteringBridgePingWalk() {
    TestLabs.Lab lab = TestLabs.vlanAccessPorts();
    GoldenTrace.assertMatches("vlan-bridge-ping", lab.ping("h1", "172.16.0.2").trace());
  }

  @Test
  void forwardedPingWalk() {
    TestLabs.Lab lab = TestLabs.router(true);
    GoldenTrace.assertMatches("router-ping", lab.ping("client", "10.0.2.2").trace());
  }
}
