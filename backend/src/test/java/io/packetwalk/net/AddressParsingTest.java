package io.packetwalk.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressParsingTest {

  @Test
  void parsesDottedQuadAndPrintsItBack() {
    assertThat(Ipv4Address.parse("10.0.0.1").toString()).isEqualTo("10.0.0.1");
    assertThat(Ipv4Address.parse("255.255.255.255").isLimitedBroadcast()).isTrue();
  }

  @Test
  void rejectsMalformedAddresses() {
    assertThat(Ipv4Address.tryParse("10.0.0")).isEmpty();
    assertThat(Ipv4Address.tryParse("10.0.0.256")).isEmpty();
    assertThat(Ipv4Address.tryParse("10.0.0.-1")).isEmpty();
    assertThat(Ipv4Address.tryParse("a.b.c.d")).isEmpty();
    assertThatThrownBy(() -> Ipv4Address.parse("")).hasMessageContaining("not an IPv4 address");
  }

  @Test
  void prefixKnowsItsNetworkBroadcastAndMembers() {
    Ipv4Prefix prefix = Ipv4Prefix.parse("10.0.1.7/24");
    assertThat(prefix.network().toString()).isEqualTo("10.0.1.0/24");
    assertThat(prefix.broadcast().toString()).isEqualTo("10.0.1.255");
    assertThat(prefix.contains(Ipv4Address.parse("10.0.1.200"))).isTrue();
    assertThat(prefix.contains(Ipv4Address.parse("10.0.2.1"))).isFalse();
    assertThat(Ipv4Prefix.parse("0.0.0.0/0").contains(Ipv4Address.parse("8.8.8.8"))).isTrue();
  }

  @Test
  void rejectsPrefixLengthsOver32() {
    assertThat(Ipv4Prefix.tryParse("10.0.0.1/33")).isEmpty();
    assertThat(Ipv4Prefix.tryParse("10.0.0.1/")).isEmpty();
  }

  @Test
  void macAddressesPrintLowerCaseWithColons() {
    MacAddress mac = MacAddress.parse("02:AB:0:0:0:1");
    assertThat(mac.toString()).isEqualTo("02:ab:00:00:00:01");
    assertThat(MacAddress.BROADCAST.isMulticast()).isTrue();
    assertThat(MacAddress.tryParse("02:ab:00:00:00")).isEmpty();
  }

  @Test
  void randomMacsAreLocallyAdministeredUnicast() {
    MacAddress mac = MacAddress.random(new java.util.SplittableRandom(1));
    assertThat(mac.isMulticast()).isFalse();
    assertThat(mac.octet(0) & 0x02).isEqualTo(0x02);
  }
}
