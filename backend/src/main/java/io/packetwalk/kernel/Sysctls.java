package io.packetwalk.kernel;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A namespace's sysctls under {@code net.}: namespace-wide keys plus one {@code
 * net.ipv4.conf.<dev>.*} group per device, copied from {@code conf.default} when the device
 * appears. Values are kept as the text {@code sysctl} prints. Defaults are a fresh namespace's on
 * Linux 6.18 with br_netfilter built in.
 */
public final class Sysctls {

  public static final String IP_FORWARD = "net.ipv4.ip_forward";
  private static final String CONF = "net.ipv4.conf.";

  /** The per-interface IPv4 settings every conf group has, with a fresh namespace's values. */
  private static final Map<String, String> CONF_DEFAULTS =
      Map.ofEntries(
          Map.entry("accept_local", "0"),
          Map.entry("accept_redirects", "1"),
          Map.entry("arp_accept", "0"),
          Map.entry("arp_announce", "0"),
          Map.entry("arp_filter", "0"),
          Map.entry("arp_ignore", "0"),
          Map.entry("forwarding", "0"),
          Map.entry("log_martians", "0"),
          Map.entry("proxy_arp", "0"),
          Map.entry("proxy_arp_pvlan", "0"),
          Map.entry("route_localnet", "0"),
          Map.entry("rp_filter", "0"),
          Map.entry("send_redirects", "1"));

  private static final String CONF6 = "net.ipv6.conf.";
  private static final String NEIGH = "net.ipv4.neigh.";

  /** The per-interface IPv6 settings every IPv6 conf group has. */
  private static final Map<String, String> CONF6_DEFAULTS =
      Map.ofEntries(Map.entry("disable_ipv6", "0"), Map.entry("forwarding", "0"));

  /** The per-interface ARP (neighbour) parameters; a fresh namespace has no "default" group. */
  private static final Map<String, String> NEIGH_DEFAULTS =
      Map.ofEntries(
          Map.entry("anycast_delay", "100"),
          Map.entry("app_solicit", "0"),
          Map.entry("base_reachable_time_ms", "30000"),
          Map.entry("delay_first_probe_time", "5"),
          Map.entry("gc_stale_time", "60"),
          Map.entry("interval_probe_time_ms", "5000"),
          Map.entry("locktime", "100"),
          Map.entry("mcast_resolicit", "0"),
          Map.entry("mcast_solicit", "3"),
          Map.entry("proxy_delay", "80"),
          Map.entry("proxy_qlen", "64"),
          Map.entry("retrans_time_ms", "1000"),
          Map.entry("ucast_solicit", "3"),
          Map.entry("unres_qlen", "101"),
          Map.entry("unres_qlen_bytes", "212992"));

  private final SortedMap<String, String> values = new TreeMap<>();
  private final java.util.Set<String> explicitlySet = new java.util.HashSet<>();

  Sysctls() {
    values.put(IP_FORWARD, "0");
    values.put("net.ipv4.ip_default_ttl", "64");
    values.put("net.bridge.bridge-nf-call-arptables", "1");
    values.put("net.bridge.bridge-nf-call-ip6tables", "1");
    values.put("net.bridge.bridge-nf-call-iptables", "1");
    values.put("net.bridge.bridge-nf-filter-pppoe-tagged", "0");
    values.put("net.bridge.bridge-nf-filter-vlan-tagged", "0");
    values.put("net.bridge.bridge-nf-pass-vlan-input-dev", "0");
    CONF_DEFAULTS.forEach((k, v) -> values.put(CONF + "all." + k, v));
    CONF_DEFAULTS.forEach((k, v) -> values.put(CONF + "default." + k, v));
    CONF6_DEFAULTS.forEach((k, v) -> values.put(CONF6 + "all." + k, v));
    CONF6_DEFAULTS.forEach((k, v) -> values.put(CONF6 + "default." + k, v));
  }

  /** Every key and value, sorted by key. */
  public SortedMap<String, String> all() {
    return Collections.unmodifiableSortedMap(values);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public int intValue(String key) {
    String value = values.get(key);
    return value == null ? 0 : Integer.parseInt(value.trim());
  }

  /** The per-interface value {@code net.ipv4.conf.<dev>.<name>}. */
  public int conf(NetDevice dev, String name) {
    return intValue(CONF + dev.name() + "." + name);
  }

  /** The value for {@code conf.all.<name>}. */
  public int confAll(String name) {
    return intValue(CONF + "all." + name);
  }

  /**
   * Writes a key. Unknown keys fail with ENOENT, non-integer values with EINVAL. Writing {@code
   * ip_forward} or {@code conf.all.forwarding} sets forwarding on every interface and on {@code
   * default}, as the kernel's inet_forward_change does.
   */
  public void set(String key, String value) {
    if (!values.containsKey(key)) {
      throw new KernelException(Errno.ENOENT);
    }
    String trimmed = value.trim();
    if (!trimmed.matches("-?\\d+")) {
      throw new KernelException(Errno.EINVAL);
    }
    String normalised = String.valueOf(Long.parseLong(trimmed));
    if (key.equals(IP_FORWARD) || key.equals(CONF + "all.forwarding")) {
      setForwardingEverywhere(normalised.equals("0") ? "0" : "1");
      return;
    }
    if (key.equals(CONF6 + "all.disable_ipv6")) {
      for (String k : values.keySet()) {
        if (k.startsWith(CONF6) && k.endsWith(".disable_ipv6")) {
          values.put(k, normalised);
        }
      }
      return;
    }
    values.put(key, normalised);
    if (key.startsWith(CONF + "default.")) {
      propagateDefault(key.substring((CONF + "default.").length()), normalised);
    } else if (key.startsWith(CONF) && !key.startsWith(CONF + "all.")) {
      explicitlySet.add(key);
    }
  }

  /**
   * devinet_copy_dflt_conf(): a new {@code conf.default} value reaches every interface whose own
   * value was never written.
   */
  private void propagateDefault(String setting, String value) {
    for (String k : List.copyOf(values.keySet())) {
      if (k.startsWith(CONF)
          && k.endsWith("." + setting)
          && !k.startsWith(CONF + "all.")
          && !k.startsWith(CONF + "default.")
          && !explicitlySet.contains(k)) {
        values.put(k, value);
      }
    }
  }

  private void setForwardingEverywhere(String on) {
    values.put(IP_FORWARD, on);
    values.put(CONF + "all.accept_redirects", on.equals("1") ? "0" : "1");
    for (String key : values.keySet()) {
      if (key.startsWith(CONF) && key.endsWith(".forwarding")) {
        values.put(key, on);
      }
    }
  }

  /** Whether IPv6 is switched off on the device ({@code net.ipv6.conf.<dev>.disable_ipv6}). */
  public boolean ipv6Disabled(NetDevice dev) {
    return intValue(CONF6 + dev.name() + ".disable_ipv6") != 0;
  }

  void deviceAdded(String name) {
    CONF_DEFAULTS
        .keySet()
        .forEach(k -> values.put(CONF + name + "." + k, values.get(CONF + "default." + k)));
    CONF6_DEFAULTS
        .keySet()
        .forEach(k -> values.put(CONF6 + name + "." + k, values.get(CONF6 + "default." + k)));
    NEIGH_DEFAULTS.forEach((k, v) -> values.put(NEIGH + name + "." + k, v));
  }

  void deviceRemoved(String name) {
    for (String group : new String[] {CONF, CONF6, NEIGH}) {
      values.keySet().removeIf(k -> k.startsWith(group + name + "."));
    }
    explicitlySet.removeIf(k -> k.startsWith(CONF + name + "."));
  }

  void deviceRenamed(String oldName, String newName) {
    for (String group : new String[] {CONF, CONF6, NEIGH}) {
      for (String k : List.copyOf(values.keySet())) {
        if (k.startsWith(group + oldName + ".")) {
          String setting = k.substring((group + oldName + ".").length());
          values.put(group + newName + "." + setting, values.remove(k));
          if (explicitlySet.remove(k)) {
            explicitlySet.add(group + newName + "." + setting);
          }
        }
      }
    }
  }
}
