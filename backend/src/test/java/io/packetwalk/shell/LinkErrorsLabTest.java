package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import org.junit.jupiter.api.Test;

/**
 * Outcomes of 19-ip-link-errors.sh as the real tools printed them (captured on Linux 6.18, iproute2
 * 6.1).
 */
class LinkErrorsLabTest {

  private final Lab lab = Lab.run("19-ip-link-errors.sh");

  @Test
  void refusesDuplicateAndOverlongNames() {
    // ip link add veth0 type veth peer name veth1
    lab.expect(3, 0, "", "");
    // ip link add veth0 type veth peer name veth2
    lab.expect(
        4,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip link add veth5 type veth peer name veth0
    lab.expect(
        5,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip link add abcdefghijklmnop type veth peer name p0
    lab.expect(
        6,
        2,
        "",
        """
        Error: Attribute failed policy validation.
        """);
    // ip link add q0 type veth peer name abcdefghijklmnopq
    lab.expect(
        9,
        255,
        "",
        """
        Error: argument "abcdefghijklmnopq" is wrong: "name" not a valid ifname
        """);
  }

  @Test
  void reportsMissingDevicesPerCommand() {
    // ip link show nosuchdev
    lab.expect(
        10,
        1,
        "",
        """
        Device "nosuchdev" does not exist.
        """);
    // ip link set nosuchdev up
    lab.expect(
        11,
        1,
        "",
        """
        Cannot find device "nosuchdev"
        """);
    // ip link del nosuchdev
    lab.expect(
        12,
        1,
        "",
        """
        Cannot find device "nosuchdev"
        """);
    // ip addr show dev nosuchdev
    lab.expect(
        13,
        1,
        "",
        """
        Device "nosuchdev" does not exist.
        """);
    // ip addr add 10.0.0.1/24 dev nosuchdev
    lab.expect(
        14,
        1,
        "",
        """
        Cannot find device "nosuchdev"
        """);
    // ip route add 10.5.0.0/16 dev nosuchdev
    lab.expect(
        15,
        1,
        "",
        """
        Cannot find device "nosuchdev"
        """);
    // ip neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev nosuchdev
    lab.expect(
        16,
        1,
        "",
        """
        Cannot find device "nosuchdev"
        """);
    // ip link set veth0 master nosuchbr
    lab.expect(
        17,
        255,
        "",
        """
        Error: argument "nosuchbr" is wrong: Device does not exist

        """);
  }

  @Test
  void refusesBadMtusAndAddresses() {
    // ip link set veth0 mtu 70000
    lab.expect(
        18,
        2,
        "",
        """
        Error: mtu greater than device maximum.
        """);
    // ip link set veth0 mtu 60
    lab.expect(
        19,
        2,
        "",
        """
        Error: mtu less than device minimum.
        """);
    // ip link set veth0 address zz:00:00:00:00:01
    lab.expect(
        20,
        1,
        "",
        """
        "zz" is invalid lladdr.
        """);
    // ip link set veth0 address 01:00:00:00:00:01
    lab.expect(
        21,
        2,
        "",
        """
        RTNETLINK answers: Cannot assign requested address
        """);
  }

  @Test
  void reportsUnknownTypesObjectsAndCommands() {
    // ip link add x type nosuchtype
    lab.expect(
        22,
        2,
        "",
        """
        Error: Unknown device type.
        """);
    // ip link add lo type veth
    lab.expect(
        23,
        2,
        "",
        """
        RTNETLINK answers: File exists
        """);
    // ip link set lo name lo2
    lab.expect(24, 0, "", "");
    // ip foo
    lab.expect(
        25,
        1,
        "",
        """
        Object "foo" is unknown, try "ip help".
        """);
    // ip link foo
    lab.expect(
        26,
        255,
        "",
        """
        Command "foo" is unknown, try "ip link help".
        """);
    // ip link show dev veth0 extra
    lab.expect(
        27,
        255,
        "",
        """
        Error: either "dev" is duplicate, or "extra" is a garbage.
        """);
    // ip
    lab.expect(
        28,
        255,
        "",
        """
        Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
               ip [ -force ] -batch filename
        where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                           link | macsec | maddress | monitor | mptcp | mroute | mrule |
                           neighbor | neighbour | netconf | netns | nexthop | ntable |
                           ntbl | route | rule | sr | tap | tcpmetrics |
                           token | tunnel | tuntap | vrf | xfrm }
               OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                            -h[uman-readable] | -iec | -j[son] | -p[retty] |
                            -f[amily] { inet | inet6 | mpls | bridge | link } |
                            -4 | -6 | -M | -B | -0 |
                            -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                            -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                            -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                            -c[olor]}
        """);
  }

  @Test
  void reportsNamespaceErrors() {
    // ip netns exec nosuchns ip link
    lab.expect(
        29,
        255,
        "",
        """
        Cannot open network namespace "nosuchns": No such file or directory
        """);
    // ip netns add n1
    lab.expect(30, 0, "", "");
    // ip netns add n1
    lab.expect(
        31,
        1,
        "",
        """
        Cannot create namespace file "/run/netns/n1": File exists
        """);
    // ip netns del nosuchns
    lab.expect(
        32,
        1,
        "",
        """
        Cannot remove namespace file "/run/netns/nosuchns": No such file or directory
        """);
    // ip netns delete n1
    lab.expect(33, 0, "", "");
    // ip netns list
    lab.expect(34, 0, "", "");
  }

  @Test
  void reportsBridgeToolErrors() {
    // bridge fdb show br nosuchbr
    lab.expect(
        35,
        255,
        "",
        """
        Cannot find bridge device "nosuchbr"
        """);
    // bridge foo
    lab.expect(
        36,
        255,
        "",
        """
        Object "foo" is unknown, try "bridge help".
        """);
  }

  @Test
  void countsANamesBytesNotItsCharactersAndRefusesANul() {
    ShellSession session = new ShellSession(World.withOneHost());
    NetNamespace root = session.world().defaultHost().root();
    String fifteenBytes = "\u00e9".repeat(7) + "x";
    String sixteenBytes = "\u00e9".repeat(8);
    assertThat(session.execute(root, "ip link add " + fifteenBytes + " type dummy", 1).exit())
        .isZero();
    CommandOutcome created =
        session.execute(root, "ip link add " + sixteenBytes + " type dummy", 2);
    assertThat(created.exit()).isEqualTo(2);
    assertThat(created.stderr()).isEqualTo("Error: Attribute failed policy validation.\n");
    CommandOutcome peer =
        session.execute(root, "ip link add q0 type veth peer name " + sixteenBytes, 3);
    assertThat(peer.exit()).isEqualTo(255);
    assertThat(peer.stderr())
        .isEqualTo(
            "Error: argument \"" + sixteenBytes + "\" is wrong: \"name\" not a valid ifname\n");
    CommandOutcome nul = session.execute(root, "ip link add q0 type veth peer name 'a\u0000b'", 4);
    assertThat(nul.exit()).isEqualTo(255);
    assertThat(nul.stderr()).contains("\"name\" not a valid ifname");
    assertThat(session.execute(root, "ip -br link show", 5).stdout())
        .contains(fifteenBytes)
        .doesNotContain(sixteenBytes, "q0");
  }
}
