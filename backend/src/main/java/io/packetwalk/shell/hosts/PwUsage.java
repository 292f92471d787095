package io.packetwalk.shell.hosts;

import io.packetwalk.shell.ToolFailure;

/** What {@code pw help} prints, and the usage errors of {@code pw}. */
final class PwUsage {

  /** Exit status of a command line pw cannot read. */
  static final int USAGE_STATUS = 2;

  static final String TEXT =
      """
      pw: Packetwalk's lab command (not a Linux tool): it makes the hosts of a lab and the
      underlay that joins them, as racking machines and cabling them would.

        pw host add NAME                      a new host: a kernel whose root namespace holds lo
        pw host del NAME                      remove a host (it must have no named namespaces)
        pw host list                          the hosts; * marks the session's current host
        pw host kernel HOST CONFIG_BRIDGE_VLAN_FILTERING=y|n
                                              build HOST's kernel with or without bridge
                                              VLAN filtering (off by default; only while
                                              HOST has no bridge)
        pw hosts                              the same
        pw switch add NAME                    a new underlay switch
        pw switch del NAME                    remove a switch; its cables are left unplugged
        pw switch list                        the switches and what is plugged into them
        pw switches                           the same
        pw nic add HOST DEV [switch SW] [address MAC]
                                              a physical NIC DEV on HOST, plugged into SW
        pw nic del HOST DEV                   remove a physical NIC
        pw nic plug HOST DEV SW               plug DEV's cable into switch SW
        pw nic unplug HOST DEV                pull DEV's cable
        pw on HOST COMMAND [ARG]...           run COMMAND in HOST's root namespace
        pw use HOST                           make HOST the session's current host: the
                                              next lines of a script run on it
        pw help                               this text

      Host and switch names: letters, digits, ".", "_", "-", starting with a letter or
      digit; 63 at most. A NIC name is a device name: at most 15 bytes.
      """;

  private PwUsage() {}

  /** A usage error: what was wrong, and the usage line of the verb. */
  static ToolFailure wrong(String what, String usage) {
    return new ToolFailure(USAGE_STATUS, "pw: " + what + "\nusage: " + usage);
  }
}
