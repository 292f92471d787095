package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 24-brctl.sh as the real tools printed them (captured on Linux 6.18, iproute2 6.1).
 */
class BrctlLabTest {

  private final Lab lab = Lab.run("24-brctl.sh");

  @Test
  void addsAndShowsBridges() {
    // brctl addbr br1
    lab.expect(3, 0, "", "");
    // brctl addbr br1
    lab.expect(
        4,
        1,
        "",
        """
        device br1 already exists; can't create bridge with the same name
        """);
    // brctl show
    lab.expect(
        5,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br1\t\t8000.000000000000\tno\t\t
        """,
        "");
    // brctl addif br1 p1
    lab.expect(11, 0, "", "");
    // brctl show br1
    lab.expect(
        12,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br1\t\t8000.020000000031\tno\t\tp1
        """,
        "");
    // ip link show br1
    lab.expect(
        13,
        0,
        """
        2: br1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:31 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // brctl addif br1 p2
    lab.expect(14, 0, "", "");
    // brctl show
    lab.expect(
        15,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br1\t\t8000.020000000021\tno\t\tp1
        \t\t\t\t\t\t\tp2
        """,
        "");
    // ip link show br1
    lab.expect(
        16,
        0,
        """
        2: br1: <BROADCAST,MULTICAST> mtu 1400 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:21 brd ff:ff:ff:ff:ff:ff
        """,
        "");
  }

  @Test
  void refusesBadPorts() {
    // brctl addif br1 p2
    lab.expect(
        17,
        1,
        "",
        """
        device p2 is already a member of a bridge; can't add it to bridge br1.
        """);
    // brctl addif br1 nosuchdev
    lab.expect(
        18,
        1,
        "",
        """
        interface nosuchdev does not exist!
        """);
    // brctl addif nosuchbr p1
    lab.expect(
        19,
        1,
        "",
        """
        bridge nosuchbr does not exist!
        """);
    // brctl delif br1 p2
    lab.expect(
        22,
        1,
        "",
        """
        device p2 is not a port of br1
        """);
    // brctl addif br2 p1
    lab.expect(
        25,
        1,
        "",
        """
        device p1 is already a member of a bridge; can't add it to bridge br2.
        """);
  }

  @Test
  void bridgeMacAndMtuFollowThePorts() {
    // brctl delif br1 p2
    lab.expect(20, 0, "", "");
    // ip link show br1
    lab.expect(
        21,
        0,
        """
        2: br1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 02:00:00:00:00:31 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // brctl show
    lab.expect(
        23,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br1\t\t8000.020000000031\tno\t\tp1
        """,
        "");
    // ip link set p1 nomaster
    lab.expect(26, 0, "", "");
    // ip link show br1
    lab.expect(
        27,
        0,
        """
        2: br1: <BROADCAST,MULTICAST> mtu 1500 qdisc noop state DOWN mode DEFAULT group default qlen 1000
            link/ether 00:00:00:00:00:00 brd ff:ff:ff:ff:ff:ff
        """,
        "");
    // ip link set p1 master br2
    lab.expect(28, 0, "", "");
    // brctl show
    lab.expect(
        29,
        0,
        """
        bridge name\tbridge id\t\tSTP enabled\tinterfaces
        br1\t\t8000.000000000000\tno\t\t
        br2\t\t8000.020000000031\tno\t\tp1
        """,
        "");
  }

  @Test
  void deletesOnlyDownBridges() {
    // brctl delbr br2
    lab.expect(30, 0, "", "");
    // ip link set br1 up
    lab.expect(31, 0, "", "");
    // brctl delbr br1
    lab.expect(
        32,
        1,
        "",
        """
        bridge br1 is still up; can't delete it
        """);
    // ip link set br1 down
    lab.expect(33, 0, "", "");
    // brctl delbr br1
    lab.expect(34, 0, "", "");
    // brctl delbr br1
    lab.expect(
        35,
        1,
        "",
        """
        bridge br1 doesn't exist; can't delete it
        """);
    // brctl show
    lab.expect(36, 0, "", "");
    // brctl addbr abcdefghijklmnop
    lab.expect(37, 0, "", "");
  }

  @Test
  void reportsMissingBridgesAndCommands() {
    // brctl showmacs br2
    lab.expect(
        38,
        1,
        "",
        """
        read of forward table failed: No such device
        """);
    // brctl show nosuchbr
    lab.expect(
        39,
        1,
        "",
        """
        bridge nosuchbr does not exist!
        """);
    // brctl foo
    lab.expect(
        40,
        1,
        """
        Usage: brctl [commands]
        commands:
        \taddbr     \t<bridge>\t\tadd bridge
        \tdelbr     \t<bridge>\t\tdelete bridge
        \taddif     \t<bridge> <device>\tadd interface to bridge
        \tdelif     \t<bridge> <device>\tdelete interface from bridge
        \thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
        \tsetageing \t<bridge> <time>\t\tset ageing time
        \tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
        \tsetfd     \t<bridge> <time>\t\tset bridge forward delay
        \tsethello  \t<bridge> <time>\t\tset hello time
        \tsetmaxage \t<bridge> <time>\t\tset max message age
        \tsetpathcost\t<bridge> <port> <cost>\tset path cost
        \tsetportprio\t<bridge> <port> <prio>\tset port priority
        \tshow      \t[ <bridge> ]\t\tshow a list of bridges
        \tshowmacs  \t<bridge>\t\tshow a list of mac addrs
        \tshowstp   \t<bridge>\t\tshow bridge stp info
        \tstp       \t<bridge> {on|off}\tturn stp on/off
        """,
        """
        never heard of command [foo]
        """);
  }
}
