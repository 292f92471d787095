package io.packetwalk.kernel.netfilter;

import java.util.Map;

/**
 * Port names {@code iptables -L} prints without {@code -n}, as Debian's /etc/services (netbase)
 * gives them for the common ports; other ports print as numbers (see docs/fidelity.md).
 */
public final class Services {

  private static final Map<Integer, String> TCP =
      Map.ofEntries(
          Map.entry(20, "ftp-data"),
          Map.entry(21, "ftp"),
          Map.entry(22, "ssh"),
          Map.entry(23, "telnet"),
          Map.entry(25, "smtp"),
          Map.entry(53, "domain"),
          Map.entry(80, "http"),
          Map.entry(88, "kerberos"),
          Map.entry(110, "pop3"),
          Map.entry(143, "imap2"),
          Map.entry(161, "snmp"),
          Map.entry(179, "bgp"),
          Map.entry(389, "ldap"),
          Map.entry(443, "https"),
          Map.entry(445, "microsoft-ds"),
          Map.entry(465, "submissions"),
          Map.entry(587, "submission"),
          Map.entry(636, "ldaps"),
          Map.entry(873, "rsync"),
          Map.entry(993, "imaps"),
          Map.entry(995, "pop3s"),
          Map.entry(1194, "openvpn"),
          Map.entry(1812, "radius"),
          Map.entry(2000, "cisco-sccp"),
          Map.entry(2049, "nfs"),
          Map.entry(3306, "mysql"),
          Map.entry(5060, "sip"),
          Map.entry(5222, "xmpp-client"),
          Map.entry(5432, "postgresql"),
          Map.entry(5672, "amqp"),
          Map.entry(6379, "redis"),
          Map.entry(8080, "http-alt"));

  private static final Map<Integer, String> UDP =
      Map.ofEntries(
          Map.entry(53, "domain"),
          Map.entry(67, "bootps"),
          Map.entry(68, "bootpc"),
          Map.entry(69, "tftp"),
          Map.entry(88, "kerberos"),
          Map.entry(123, "ntp"),
          Map.entry(161, "snmp"),
          Map.entry(389, "ldap"),
          Map.entry(443, "https"),
          Map.entry(500, "isakmp"),
          Map.entry(514, "syslog"),
          Map.entry(636, "ldaps"),
          Map.entry(1194, "openvpn"),
          Map.entry(1812, "radius"),
          Map.entry(2049, "nfs"),
          Map.entry(5060, "sip"),
          Map.entry(5353, "mdns"));

  private Services() {}

  /** The port's name for {@code protocol} ("tcp" or "udp"), or the number. */
  public static String name(String protocol, int port) {
    Map<Integer, String> names = protocol.equals("udp") ? UDP : TCP;
    return names.getOrDefault(port, Integer.toString(port));
  }
}
