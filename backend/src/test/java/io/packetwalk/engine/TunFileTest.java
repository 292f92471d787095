package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.engine.process.Agent;
import io.packetwalk.engine.process.Syscalls;
import io.packetwalk.engine.process.TunFile;
import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.OperState;
import io.packetwalk.kernel.TunConfig;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.Packet;
import io.packetwalk.trace.StepKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A process's TUN/TAP descriptor: attaching gives carrier, reads get what the kernel sends. */
class TunFileTest {

  private final TestLabs.Lab lab = TestLabs.vethPair();

  /** Opens a device and keeps what it reads. */
  private static final class Reader implements Agent {
    final List<Packet> read = new ArrayList<>();
    final String device;
    final TunConfig.Mode mode;
    TunFile file;

    Reader(String device, TunConfig.Mode mode) {
      this.device = device;
      this.mode = mode;
    }

    @Override
    public String name() {
      return "reader";
    }

    @Override
    public void start(Syscalls kernel) {
      file = kernel.openTun(device, mode, (f, packet) -> read.add(packet));
    }
  }

  @Test
  void aTapHandsTheWholeFrameToItsReaderAndATunRefusesTheWrongKind() {
    Reader reader = new Reader("tap0", TunConfig.Mode.TAP);
    lab.sim.spawn(lab.ns("ns1"), reader);
    NetDevice tap = lab.dev("ns1", "tap0");
    lab.up("ns1", "tap0").addr("ns1", "tap0", "10.9.0.1/24");

    assertThat(tap.operState()).isEqualTo(OperState.UP);
    var run = lab.ping("ns1", "10.9.0.2");

    assertThat(reader.read)
        .first()
        .isInstanceOfSatisfying(
            EthernetFrame.class, f -> assertThat(f.payload()).isInstanceOf(ArpPacket.class));
    assertThat(run.trace().steps())
        .anySatisfy(s -> {
          assertThat(s.kind()).isEqualTo(StepKind.USERSPACE_READ);
          assertThat(s.sentence()).contains("from fd 3 (its TAP device tap0)");
        });
    assertThatThrownBy(() ->
            reader.file.write(
                new Ipv4Packet(
                    io.packetwalk.net.Ipv4Address.parse("10.9.0.2"),
                    io.packetwalk.net.Ipv4Address.parse("10.9.0.1"),
                    64,
                    1,
                    false,
                    io.packetwalk.net.packet.IcmpMessage.echoRequest(1, 1, 0))))
        .isInstanceOfSatisfying(
            KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
  }

  @Test
  void killingTheReaderTakesTheCarrierAndAMadeDeviceGoesAway() {
    Reader keeps = new Reader("tun%d", TunConfig.Mode.TUN);
    int pid = lab.sim.spawn(lab.ns("ns1"), keeps).pid();
    assertThat(lab.ns("ns1").device("tun0")).isPresent();
    assertThat(lab.sim.processes()).containsEntry(pid, "reader");

    assertThat(lab.sim.kill(pid)).isTrue();

    assertThat(lab.ns("ns1").device("tun0")).isEmpty();
    assertThat(lab.sim.kill(pid)).isFalse();
  }
}
