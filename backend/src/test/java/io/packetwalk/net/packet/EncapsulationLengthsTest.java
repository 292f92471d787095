package io.packetwalk.net.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import org.junit.jupiter.api.Test;

class EncapsulationLengthsTest {

  private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
  private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");

  private static Ipv4Packet ping(String src, String dst) {
    return new Ipv4Packet(
        Ipv4Address.parse(src),
        Ipv4Address.parse(dst),
        64,
        1,
        true,
        IcmpMessage.echoRequest(1, 1, 56));
  }

  private static Ipv4Packet outer(UdpPayload payload, int dstPort) {
    return new Ipv4Packet(
        Ipv4Address.parse("192.0.2.1"),
        Ipv4Address.parse("192.0.2.2"),
        64,
        2,
        false,
        new UdpDatagram(40000, dstPort, payload));
  }

  @Test
  void vxlanCostsFiftyBytesOfMtu() {
    Ipv4Packet inner = ping("10.0.0.1", "10.0.0.2");
    Ipv4Packet wrapped =
        outer(new VxlanPayload(1, new EthernetFrame(A, B, inner)), VxlanPayload.LINUX_PORT);
    assertThat(inner.totalLength()).isEqualTo(84);
    assertThat(wrapped.totalLength()).isEqualTo(134);
    assertThat(wrapped.totalLength() - inner.totalLength()).isEqualTo(VxlanPayload.OVERHEAD);
    // tcpdump -e on the underlay: "length 148" for the outer frame, "length 98" for the inner.
    assertThat(new EthernetFrame(A, B, wrapped).length()).isEqualTo(148);
  }

  @Test
  void aCarriedIpPacketIsTheDatagramsWholeData() {
    Ipv4Packet inner = ping("10.1.1.2", "10.1.2.2");
    UdpDatagram datagram = new UdpDatagram(8285, 8285, new CarriedIpPacket(inner));
    assertThat(datagram.dataLength()).isEqualTo(84);
    assertThat(outer(datagram.payload(), 8285).totalLength()).isEqualTo(84 + 28);
  }

  @Test
  void aVlanTagAddsFourBytesOnTheWire() {
    EthernetFrame untagged = new EthernetFrame(A, B, ping("10.0.0.1", "10.0.0.2"));
    EthernetFrame tagged = untagged.withVlan(new VlanTag(5, true, 10));
    assertThat(untagged.length()).isEqualTo(98);
    assertThat(tagged.length()).isEqualTo(102);
    assertThat(tagged.withAddresses(B, A).vlan()).isEqualTo(new VlanTag(5, true, 10));
    assertThat(tagged.withVlan(null).isTagged()).isFalse();
  }

  @Test
  void natKeepsWhatADatagramCarries() {
    VxlanPayload vxlan =
        new VxlanPayload(42, new EthernetFrame(A, B, ping("10.0.0.1", "10.0.0.2")));
    UdpDatagram moved = new UdpDatagram(1000, 4789, vxlan).withPorts(2000, 4789);
    assertThat(moved.payload()).isSameAs(vxlan);
    assertThat(moved.srcPort()).isEqualTo(2000);
  }

  @Test
  void refusesOutOfRangeFields() {
    assertThatThrownBy(() -> VlanTag.of(4095)).hasMessageContaining("VLAN id 4095");
    assertThatThrownBy(() -> new VlanTag(8, false, 1)).hasMessageContaining("PCP 8");
    EthernetFrame frame = new EthernetFrame(A, B, ping("10.0.0.1", "10.0.0.2"));
    assertThatThrownBy(() -> new VxlanPayload(1 << 24, frame)).hasMessageContaining("VNI 16777216");
    assertThatThrownBy(() -> new OpaqueData(-1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> new UdpDatagram(1, 65536, 0)).hasMessageContaining("65536");
  }
}
