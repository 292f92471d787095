package io.packetwalk.shell;

import org.junit.jupiter.api.Test;

/**
 * Outcomes of 21-ip-json.sh as the real tools printed them (captured on Linux 6.18, iproute2 6.1).
 */
class JsonLabTest {

  private final Lab lab = Lab.run("21-ip-json.sh");

  @Test
  void printsLinksAsJson() {
    // ip netns exec a ip -j link
    lab.expect(
        17,
        0,
        """
        [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00"},{"ifindex":2,"link":"eth0","ifname":"peer0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:02","broadcast":"ff:ff:ff:ff:ff:ff"},{"ifindex":3,"link":"peer0","ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff"}]
        """,
        "");
    // ip netns exec a ip -j link show eth0
    lab.expect(
        18,
        0,
        """
        [{"ifindex":3,"link":"peer0","ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","linkmode":"DEFAULT","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff"}]
        """,
        "");
    // ip netns exec a ip -j link show nosuchdev
    lab.expect(
        25,
        1,
        "",
        """
        Device "nosuchdev" does not exist.
        """);
  }

  @Test
  void printsAddressesAsJson() {
    // ip netns exec a ip -j addr
    lab.expect(
        19,
        0,
        """
        [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP","LOWER_UP"],"mtu":65536,"qdisc":"noqueue","operstate":"UNKNOWN","group":"default","txqlen":1000,"link_type":"loopback","address":"00:00:00:00:00:00","broadcast":"00:00:00:00:00:00","addr_info":[{"family":"inet","local":"127.0.0.1","prefixlen":8,"scope":"host","label":"lo","valid_life_time":4294967295,"preferred_life_time":4294967295}]},{"ifindex":2,"link":"eth0","ifname":"peer0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:02","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[]},{"ifindex":3,"link":"peer0","ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"10.20.0.1","prefixlen":24,"scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
        """,
        "");
    // ip netns exec a ip -j addr show dev eth0
    lab.expect(
        20,
        0,
        """
        [{"ifindex":3,"link":"peer0","ifname":"eth0","flags":["BROADCAST","MULTICAST","UP","LOWER_UP"],"mtu":1500,"qdisc":"noqueue","operstate":"UP","group":"default","txqlen":1000,"link_type":"ether","address":"02:00:00:00:00:01","broadcast":"ff:ff:ff:ff:ff:ff","addr_info":[{"family":"inet","local":"10.20.0.1","prefixlen":24,"scope":"global","label":"eth0","valid_life_time":4294967295,"preferred_life_time":4294967295}]}]
        """,
        "");
    // ip netns exec a ip -j -p addr show dev eth0
    lab.expect(
        24,
        0,
        """
        [ {
                "ifindex": 3,
                "link": "peer0",
                "ifname": "eth0",
                "flags": [ "BROADCAST","MULTICAST","UP","LOWER_UP" ],
                "mtu": 1500,
                "qdisc": "noqueue",
                "operstate": "UP",
                "group": "default",
                "txqlen": 1000,
                "link_type": "ether",
                "address": "02:00:00:00:00:01",
                "broadcast": "ff:ff:ff:ff:ff:ff",
                "addr_info": [ {
                        "family": "inet",
                        "local": "10.20.0.1",
                        "prefixlen": 24,
                        "scope": "global",
                        "label": "eth0",
                        "valid_life_time": 4294967295,
                        "preferred_life_time": 4294967295
                    } ]
            } ]
        """,
        "");
  }

  @Test
  void printsRoutesAndNeighboursAsJson() {
    // ip netns exec a ip -j route
    lab.expect(
        21,
        0,
        """
        [{"dst":"default","gateway":"10.20.0.254","dev":"eth0","flags":[]},{"dst":"10.20.0.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"10.20.0.1","flags":[]},{"dst":"10.30.0.0/16","gateway":"10.20.0.2","dev":"eth0","metric":20,"flags":[]},{"type":"blackhole","dst":"10.40.0.0/16","flags":[]}]
        """,
        "");
    // ip netns exec a ip -j route get 10.30.1.1
    lab.expect(
        22,
        0,
        """
        [{"dst":"10.30.1.1","gateway":"10.20.0.2","dev":"eth0","prefsrc":"10.20.0.1","flags":[],"uid":0,"cache":[]}]
        """,
        "");
    // ip netns exec a ip -j neigh
    lab.expect(
        23,
        0,
        """
        [{"dst":"10.20.0.2","dev":"eth0","lladdr":"02:00:00:00:00:02","state":["PERMANENT"]}]
        """,
        "");
  }
}
