package io.packetwalk.lab;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.MacAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * A neighbour entry someone added: a permanent or noarp ARP entry ({@code ip neigh add IP lladdr
 * MAC dev DEV nud permanent}) or a proxy-ARP entry ({@code ip neigh add proxy IP dev DEV}). Entries
 * the kernel learned from traffic are not stored: they are results of traffic, not part of the lab.
 *
 * @param lladdr the link-layer address; required for permanent entries, optional for noarp, absent
 *     for proxy entries
 * @param router whether the entry is flagged as a router ({@code ip neigh add … router})
 */
public record LabNeighbour(
    Kind kind, Ipv4Address address, String device, MacAddress lladdr, boolean router) {

  /** Which kind of entry. */
  public enum Kind {
    /** {@code nud permanent}: never changes, never probed. */
    PERMANENT("permanent"),
    /** {@code nud noarp}: valid without resolution. */
    NOARP("noarp"),
    /** A proxy-ARP entry: this namespace answers ARP for the address on the device. */
    PROXY("proxy");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Optional<Kind> fromWord(String word) {
      return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
  }

  public LabNeighbour {
    if (kind == null) {
      throw new LabValueException("kind", "is required (permanent, noarp or proxy)");
    }
    if (address == null) {
      throw new LabValueException("address", "is required");
    }
    Names.checkDevice("dev", device);
    if (kind == Kind.PERMANENT && lladdr == null) {
      throw new LabValueException("lladdr", "a permanent entry needs its link-layer address");
    }
    if (kind == Kind.PROXY && lladdr != null) {
      throw new LabValueException("lladdr", "a proxy entry has no link-layer address");
    }
    if (kind == Kind.PROXY && router) {
      throw new LabValueException("router", "a proxy entry has no router flag");
    }
  }
}
