package io.packetwalk.lab;

/**
 * A TUN or TAP device's settings, as {@code ip tuntap add dev NAME mode MODE …} takes them. Devices
 * in a lab are persistent: a process that would read them is not part of the document.
 *
 * @param mode "tun" (IP packets, no MAC) or "tap" (Ethernet frames)
 * @param user the uid allowed to open it, or -1 for anyone
 * @param group the gid allowed to open it, or -1 for anyone
 */
public record LabTun(
    String mode,
    int user,
    int group,
    boolean pi,
    boolean vnetHdr,
    boolean multiQueue,
    boolean oneQueue) {

  public LabTun {
    if (!"tun".equals(mode) && !"tap".equals(mode)) {
      throw new LabValueException("mode", "\"" + mode + "\" is not a TUN/TAP mode (tun or tap)");
    }
    if (user < -1) {
      throw new LabValueException("user", user + " is not a uid (0 or more, or -1 for none)");
    }
    if (group < -1) {
      throw new LabValueException("group", group + " is not a gid (0 or more, or -1 for none)");
    }
  }

  public boolean isTun() {
    return mode.equals("tun");
  }

  /** The {@code ip tuntap add dev NAME} arguments after the name: {@code mode tun pi …}. */
  public String createArgs() {
    StringBuilder args = new StringBuilder("mode ").append(mode);
    if (user >= 0) {
      args.append(" user ").append(user);
    }
    if (group >= 0) {
      args.append(" group ").append(group);
    }
    if (oneQueue) {
      args.append(" one_queue");
    }
    if (pi) {
      args.append(" pi");
    }
    if (vnetHdr) {
      args.append(" vnet_hdr");
    }
    if (multiQueue) {
      args.append(" multi_queue");
    }
    return args.toString();
  }
}
