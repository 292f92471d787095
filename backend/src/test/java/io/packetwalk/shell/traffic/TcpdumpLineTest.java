package io.packetwalk.shell.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.engine.CapturedFrame;
import io.packetwalk.engine.Direction;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import io.packetwalk.net.packet.ArpPacket;
import io.packetwalk.net.packet.CarriedIpPacket;
import io.packetwalk.net.packet.EthernetFrame;
import io.packetwalk.net.packet.IcmpMessage;
import io.packetwalk.net.packet.Ipv4Packet;
import io.packetwalk.net.packet.UdpDatagram;
import io.packetwalk.net.packet.VlanTag;
import io.packetwalk.net.packet.VxlanPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tcpdump 4.99.3's lines for tunnelled and tagged frames. The expected lines are real tcpdump
 * output captured between two namespaces (vxlan devices with dstport 4789 and 8472; 802.1Q frames
 * written to a veth by a packet socket), with the captured addresses and ids.
 */
class TcpdumpLineTest {

  private static final MacAddress OUTER_A = MacAddress.parse("1e:66:0d:80:7f:12");
  private static final MacAddress OUTER_B = MacAddress.parse("be:50:48:5c:86:4a");
  private static final MacAddress INNER_A = MacAddress.parse("92:aa:94:3f:b0:54");
  private static final MacAddress INNER_B = MacAddress.parse("06:ec:d3:5b:29:b8");

  private static Ipv4Address ip(String text) {
    return Ipv4Address.parse(text);
  }

  private static EthernetFrame innerPing() {
    return new EthernetFrame(
        INNER_A,
        INNER_B,
        new Ipv4Packet(
            ip("10.0.0.1"), ip("10.0.0.2"), 64, 7, true, IcmpMessage.echoRequest(5597, 1, 56)));
  }

  private static EthernetFrame underlay(int srcPort, int dstPort, VxlanPayload vxlan) {
    return new EthernetFrame(
        OUTER_A,
        OUTER_B,
        new Ipv4Packet(
            ip("192.0.2.1"),
            ip("192.0.2.2"),
            64,
            9,
            false,
            new UdpDatagram(srcPort, dstPort, vxlan)));
  }

  private static String line(EthernetFrame frame, boolean ethernet) {
    return TcpdumpCommand.line(new CapturedFrame(0, null, Direction.OUT, frame), ethernet, true);
  }

  @Test
  void printsVxlanOnThe4789PortWithTheInnerFrameOnTheNextLine() {
    EthernetFrame frame = underlay(59475, 4789, new VxlanPayload(42, innerPing()));
    assertThat(line(frame, false))
        .isEqualTo(
            """
            IP 192.0.2.1.59475 > 192.0.2.2.4789: VXLAN, flags [I] (0x08), vni 42
            IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 5597, seq 1, length 64\
            """);
    assertThat(line(frame, true))
        .isEqualTo(
            """
            1e:66:0d:80:7f:12 > be:50:48:5c:86:4a, ethertype IPv4 (0x0800), length 148: \
            192.0.2.1.59475 > 192.0.2.2.4789: VXLAN, flags [I] (0x08), vni 42
            92:aa:94:3f:b0:54 > 06:ec:d3:5b:29:b8, ethertype IPv4 (0x0800), length 98: \
            10.0.0.1 > 10.0.0.2: ICMP echo request, id 5597, seq 1, length 64\
            """);
  }

  @Test
  void printsThe8472PortAsOtvAsTcpdumpDoes() {
    ArpPacket request =
        new ArpPacket(
            ArpPacket.Op.REQUEST, INNER_A, ip("10.0.1.1"), MacAddress.ZERO, ip("10.0.1.2"));
    EthernetFrame frame =
        underlay(
            59134,
            8472,
            new VxlanPayload(1, new EthernetFrame(INNER_A, MacAddress.BROADCAST, request)));
    assertThat(line(frame, false))
        .isEqualTo(
            """
            IP 192.0.2.1.59134 > 192.0.2.2.8472: OTV, flags [I] (0x08), overlay 0, instance 1
            ARP, Request who-has 10.0.1.2 tell 10.0.1.1, length 28\
            """);
    assertThat(line(frame, true)).contains("length 92: 192.0.2.1.59134");
  }

  @Test
  void printsVxlanOnAnotherPortAsPlainUdp() {
    EthernetFrame frame = underlay(40000, 5000, new VxlanPayload(42, innerPing()));
    assertThat(line(frame, false))
        .isEqualTo("IP 192.0.2.1.40000 > 192.0.2.2.5000: UDP, length 106");
  }

  @Test
  void printsFlannelUdpAsPlainUdp() {
    Ipv4Packet inner =
        new Ipv4Packet(
            ip("10.1.1.2"), ip("10.1.2.2"), 63, 3, true, IcmpMessage.echoRequest(1, 1, 56));
    EthernetFrame frame =
        new EthernetFrame(
            OUTER_A,
            OUTER_B,
            new Ipv4Packet(
                ip("192.0.2.1"),
                ip("192.0.2.2"),
                64,
                4,
                false,
                new UdpDatagram(8285, 8285, new CarriedIpPacket(inner))));
    assertThat(line(frame, false)).isEqualTo("IP 192.0.2.1.8285 > 192.0.2.2.8285: UDP, length 84");
  }

  @Test
  void printsThe8021qTagOnlyWithE() {
    EthernetFrame tagged =
        new EthernetFrame(
            MacAddress.parse("02:1e:0d:80:7f:12"),
            MacAddress.parse("02:06:d3:5b:29:b8"),
            new VlanTag(5, true, 10),
            new Ipv4Packet(
                ip("10.0.0.1"), ip("10.0.0.2"), 64, 1, true, IcmpMessage.echoRequest(4660, 1, 56)));
    assertThat(line(tagged, true))
        .isEqualTo(
            "02:1e:0d:80:7f:12 > 02:06:d3:5b:29:b8, ethertype 802.1Q (0x8100), length 102: vlan 10,"
                + " p 5, DEI, ethertype IPv4 (0x0800), 10.0.0.1 > 10.0.0.2: ICMP echo request, id"
                + " 4660, seq 1, length 64");
    assertThat(line(tagged, false))
        .isEqualTo("IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id 4660, seq 1, length 64");
    ArpPacket request =
        new ArpPacket(
            ArpPacket.Op.REQUEST, tagged.src(), ip("10.0.0.1"), MacAddress.ZERO, ip("10.0.0.2"));
    EthernetFrame arp =
        new EthernetFrame(tagged.src(), MacAddress.BROADCAST, VlanTag.of(10), request);
    assertThat(line(arp, true))
        .isEqualTo(
            "02:1e:0d:80:7f:12 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 46: vlan 10,"
                + " p 0, ethertype ARP (0x0806), Request who-has 10.0.0.2 tell 10.0.0.1, length 28");
  }

  @Test
  void filtersSeeThroughATagAsOnLinuxAndVlanMatchesTheTag() {
    EthernetFrame tagged = innerPing().withVlan(VlanTag.of(10));
    EthernetFrame vxlan = underlay(40000, 8472, new VxlanPayload(1, innerPing()));
    assertThat(TcpdumpCommand.filter(List.of("icmp")).test(tagged)).isTrue();
    assertThat(TcpdumpCommand.filter(List.of("vlan", "10", "and", "icmp")).test(tagged)).isTrue();
    assertThat(TcpdumpCommand.filter(List.of("vlan", "11")).test(tagged)).isFalse();
    assertThat(TcpdumpCommand.filter(List.of("vlan")).test(innerPing())).isFalse();
    // Filters read the outer headers only: the inner ICMP of a VXLAN packet does not match.
    assertThat(TcpdumpCommand.filter(List.of("udp", "port", "8472")).test(vxlan)).isTrue();
    assertThat(TcpdumpCommand.filter(List.of("icmp")).test(vxlan)).isFalse();
    assertThatThrownBy(() -> TcpdumpCommand.filter(List.of("vlan", "5000")))
        .hasMessage("tcpdump: VLAN tag 5000 greater than maximum 4095");
  }
}
