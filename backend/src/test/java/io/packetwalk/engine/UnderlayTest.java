package io.packetwalk.engine;

import static io.packetwalk.engine.TraceAssert.assertThatTrace;
import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.Host;
import io.packetwalk.kernel.InterfaceAddress;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.UnderlaySwitch;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import io.packetwalk.trace.Disposition;
import io.packetwalk.trace.StepKind;
import org.junit.jupiter.api.Test;

/** Hosts whose physical NICs are plugged into one underlay switch. */
class UnderlayTest {

  private final World world = new World(World.DEFAULT_SEED);
  private final UnderlaySwitch underlay = world.addSwitch("sw0");
  private final Simulator sim = new Simulator(world);

  private NetDevice host(String name, int n, boolean plugged) {
    Host host = world.addHost(name);
    NetDevice nic = host.root().addPhysical("eth0", MacAddress.parse("02:00:00:00:00:0" + n));
    if (plugged) {
      underlay.plug(nic);
    }
    host.root().setUp(nic, true);
    host.root().setUp(host.root().loopback(), true);
    host.root()
        .addAddress(
            nic,
            new InterfaceAddress(
                Ipv4Prefix.parse("192.168.10." + n + "/24"),
                null,
                AddressScope.GLOBAL,
                null,
                false,
                0));
    return nic;
  }

  @Test
  void hostsOnTheSwitchReachEachOther() {
    host("node1", 1, true);
    NetDevice node2 = host("node2", 2, true);

    PingRun run =
        sim.ping(world.host("node1").orElseThrow().root(), TestLabs.ping("192.168.10.2", 1));

    assertThat(run.received()).isEqualTo(1);
    assertThatTrace(run.trace()).says(StepKind.WIRE, "", "underlay switch sw0");
    assertThat(sim.captured(node2.netns(), node2)).hasSize(4);
  }

  @Test
  void theSwitchLearnsAndSendsKnownUnicastToOnePortOnly() {
    host("node1", 1, true);
    host("node2", 2, true);
    NetDevice node3 = host("node3", 3, true);

    sim.ping(world.host("node1").orElseThrow().root(), TestLabs.ping("192.168.10.2", 1));

    assertThat(sim.captured(node3.netns(), node3))
        .singleElement()
        .satisfies(c -> assertThat(c.frame().dst().isBroadcast()).isTrue());
  }

  @Test
  void anUnpluggedNicHasNoCarrier() {
    host("node1", 1, false);
    host("node2", 2, true);

    PingRun run =
        sim.ping(world.host("node1").orElseThrow().root(), TestLabs.ping("192.168.10.2", 1));

    assertThat(run.received()).isZero();
    assertThatTrace(run.trace()).hasDisposition(Disposition.LINK_DOWN);
  }
}
