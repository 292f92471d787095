package io.packetwalk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.NudState;
import io.packetwalk.net.Ipv4Address;
import org.junit.jupiter.api.Test;

/** Oracle scenario 27: {@code ping -I DEVICE|ADDRESS}. */
class PingBindingTest {

  private final TestLabs.Lab lab =
      new TestLabs.Lab()
          .veth("h", "ex", "02:00:00:00:01:01", "x", "eth0", "02:00:00:00:01:02")
          .veth("h", "ey", "02:00:00:00:02:01", "y", "eth0", "02:00:00:00:02:02")
          .addr("h", "ex", "10.10.1.1/24")
          .addr("h", "ey", "10.10.2.1/24")
          .addr("x", "eth0", "10.10.1.2/24")
          .addr("y", "eth0", "10.10.2.2/24")
          .loUp("h")
          .via("x", "default", "10.10.1.1");

  @Test
  void bindingToADeviceTakesItsAddressAsSource() {
    PingRun run = lab.ping("h", TestLabs.ping("10.10.1.2", 1).withInterface("ex"));

    assertThat(run.source()).isEqualTo(Ipv4Address.parse("10.10.1.1"));
    assertThat(run.received()).isEqualTo(1);
  }

  @Test
  void bindingToAnAddressOfAnotherDeviceStillLeavesByTheRoute() {
    PingRun run = lab.ping("h", TestLabs.ping("10.10.1.2", 1).withInterface("10.10.2.1"));

    assertThat(run.source()).isEqualTo(Ipv4Address.parse("10.10.2.1"));
    assertThat(run.received()).isEqualTo(1);
  }

  @Test
  void bindingToTheWrongDeviceArpsThereAndHearsNoErrorThroughLo() {
    PingRun run =
        lab.ping(
            "h",
            TestLabs.ping("10.10.1.2", 1).withInterface("ey").withTimeout(4 * TestLabs.SECOND));

    assertThat(run.source()).isEqualTo(Ipv4Address.parse("10.10.2.1"));
    assertThat(run.outcomes()).singleElement().isInstanceOf(ProbeOutcome.Lost.class);
    assertThat(lab.ns("h").neighbours().find(Ipv4Address.parse("10.10.1.2"), lab.dev("h", "ey")))
        .hasValueSatisfying(e -> assertThat(e.state()).isEqualTo(NudState.FAILED));
  }

  @Test
  void bindingToAMissingDeviceOrAForeignAddressFails() {
    assertThat(lab.ping("h", TestLabs.ping("10.10.1.2", 1).withInterface("nosuchdev")).sendError())
        .isEqualTo(Errno.ENODEV);
    assertThat(lab.ping("h", TestLabs.ping("10.10.1.2", 1).withInterface("10.99.0.1")).sendError())
        .isEqualTo(Errno.EADDRNOTAVAIL);
  }

  @Test
  void pingingABroadcastAddressIsRefusedWithoutDashB() {
    assertThat(lab.ping("h", "10.10.1.255").sendError()).isEqualTo(Errno.EACCES);
  }
}
