package io.packetwalk.kernel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A namespace's sysctls under {@code net.}: namespace-wide keys plus one {@code
 * net.ipv4.conf.<dev>.*} group per device, copied from {@code conf.default} when the device
 * appears. Values are kept as the text {@code sysctl} prints. Defaults are a fresh namespace's on
 * Linux 6.18 with br_netfilter built in.
 *
 * <p>Each device's groups live in a map of their own, so the packet path reads a device setting
 * with two hash lookups and adding, moving or removing a device costs the same however many devices
 * the namespace has.
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
          Map.entry("arp_evict_nocarrier", "1"),
          Map.entry("arp_filter", "0"),
          Map.entry("arp_ignore", "0"),
          Map.entry("forwarding", "0"),
          Map.entry("log_martians", "0"),
          Map.entry("promote_secondaries", "0"),
          Map.entry("proxy_arp", "0"),
          Map.entry("proxy_arp_pvlan", "0"),
          Map.entry("route_localnet", "0"),
          Map.entry("rp_filter", "0"),
          Map.entry("send_redirects", "1"));

  /** conf settings whose {@code conf.default} write does not reach existing devices. */
  private static final Set<String> NOT_COPIED_FROM_DEFAULT =
      Set.of("forwarding", "promote_secondaries");

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

  /** The three per-device groups a device has, keyed by setting name. */
  private enum Group {
    CONF(Sysctls.CONF),
    CONF6(Sysctls.CONF6),
    NEIGH(Sysctls.NEIGH);

    final String prefix;

    Group(String prefix) {
      this.prefix = prefix;
    }
  }

  /** One device's settings: a map per group, and the conf settings written since it appeared. */
  private record DeviceSysctls(Map<Group, Map<String, String>> groups, Set<String> explicitlySet) {

    static DeviceSysctls empty() {
      Map<Group, Map<String, String>> groups = new EnumMap<>(Group.class);
      for (Group group : Group.values()) {
        groups.put(group, new HashMap<>());
      }
      return new DeviceSysctls(groups, new HashSet<>());
    }

    Map<String, String> group(Group group) {
      return groups.get(group);
    }
  }

  /** Where a key lives: a device's group and the setting name in it. */
  private record DeviceKey(DeviceSysctls device, Group group, String setting) {

    String value() {
      return device.group(group).get(setting);
    }
  }

  /** The full {@code conf.all.<name>} key of each IPv4 setting, made once for the packet path. */
  private static final Map<String, String> CONF_ALL_KEYS =
      CONF_DEFAULTS.keySet().stream()
          .collect(Collectors.toUnmodifiableMap(name -> name, name -> CONF + "all." + name));

  /** Namespace-wide keys and the {@code all} and {@code default} groups, by full key. */
  private final Map<String, String> global = new HashMap<>();

  private final Map<String, DeviceSysctls> devices = new HashMap<>();

  /** Told after every successful write, so that state derived from the sysctls is redone. */
  private final Runnable written;

  Sysctls(Runnable written) {
    this.written = written;
    global.put(IP_FORWARD, "0");
    global.put("net.ipv4.ip_default_ttl", "64");
    global.put("net.bridge.bridge-nf-call-arptables", "1");
    global.put("net.bridge.bridge-nf-call-ip6tables", "1");
    global.put("net.bridge.bridge-nf-call-iptables", "1");
    global.put("net.bridge.bridge-nf-filter-pppoe-tagged", "0");
    global.put("net.bridge.bridge-nf-filter-vlan-tagged", "0");
    global.put("net.bridge.bridge-nf-pass-vlan-input-dev", "0");
    CONF_DEFAULTS.forEach((k, v) -> global.put(CONF + "all." + k, v));
    CONF_DEFAULTS.forEach((k, v) -> global.put(CONF + "default." + k, v));
    CONF6_DEFAULTS.forEach((k, v) -> global.put(CONF6 + "all." + k, v));
    CONF6_DEFAULTS.forEach((k, v) -> global.put(CONF6 + "default." + k, v));
  }

  /** Every key and value, sorted by key. */
  public SortedMap<String, String> all() {
    SortedMap<String, String> all = new TreeMap<>(global);
    devices.forEach((name, device) ->
        device.groups.forEach((group, settings) ->
            settings.forEach((k, v) -> all.put(group.prefix + name + "." + k, v))));
    return Collections.unmodifiableSortedMap(all);
  }

  public Optional<String> get(String key) {
    String value = global.get(key);
    if (value != null) {
      return Optional.of(value);
    }
    return deviceKey(key).map(DeviceKey::value);
  }

  public int intValue(String key) {
    return get(key).map(value -> Integer.parseInt(value.trim())).orElse(0);
  }

  /** The per-interface value {@code net.ipv4.conf.<dev>.<name>}. */
  public int conf(NetDevice dev, String name) {
    return deviceValue(dev, Group.CONF, name);
  }

  /** The value for {@code conf.all.<name>}. */
  public int confAll(String name) {
    String key = CONF_ALL_KEYS.get(name);
    return intValue(key != null ? key : CONF + "all." + name);
  }

  /** Whether IPv6 is switched off on the device ({@code net.ipv6.conf.<dev>.disable_ipv6}). */
  public boolean ipv6Disabled(NetDevice dev) {
    return deviceValue(dev, Group.CONF6, "disable_ipv6") != 0;
  }

  private int deviceValue(NetDevice dev, Group group, String setting) {
    DeviceSysctls device = devices.get(dev.name());
    String value = device == null ? null : device.group(group).get(setting);
    return value == null ? 0 : Integer.parseInt(value);
  }

  /**
   * The device group a key such as {@code net.ipv4.conf.eth0.rp_filter} names, if that device
   * exists. Setting names have no dots, so the device name is everything up to the last one (a
   * device name may itself contain dots, as VLAN devices' do).
   */
  private Optional<DeviceKey> deviceKey(String key) {
    for (Group group : Group.values()) {
      if (key.startsWith(group.prefix)) {
        int dot = key.lastIndexOf('.');
        if (dot <= group.prefix.length()) {
          return Optional.empty();
        }
        DeviceSysctls device = devices.get(key.substring(group.prefix.length(), dot));
        String setting = key.substring(dot + 1);
        if (device == null || !device.group(group).containsKey(setting)) {
          return Optional.empty();
        }
        return Optional.of(new DeviceKey(device, group, setting));
      }
    }
    return Optional.empty();
  }

  /**
   * Writes a key. Unknown keys fail with ENOENT, non-integer values with EINVAL. Writing {@code
   * ip_forward} or {@code conf.all.forwarding} with a new value sets forwarding on every interface
   * and on {@code default}, as the kernel's inet_forward_change does; writing the value it already
   * has changes nothing, so interfaces set on their own keep their value.
   */
  public void set(String key, String value) {
    Optional<DeviceKey> deviceKey = global.containsKey(key) ? Optional.empty() : deviceKey(key);
    if (!global.containsKey(key) && deviceKey.isEmpty()) {
      throw new KernelException(Errno.ENOENT);
    }
    String trimmed = value.trim();
    if (!trimmed.matches("-?\\d+")) {
      throw new KernelException(Errno.EINVAL);
    }
    String normalised = String.valueOf(Long.parseLong(trimmed));
    if (deviceKey.isPresent()) {
      writeDevice(deviceKey.get(), normalised);
    } else {
      writeGlobal(key, normalised);
    }
    written.run();
  }

  private static void writeDevice(DeviceKey target, String value) {
    target.device.group(target.group).put(target.setting, value);
    if (target.group == Group.CONF) {
      target.device.explicitlySet.add(target.setting);
    }
  }

  private void writeGlobal(String key, String value) {
    if (key.equals(IP_FORWARD) || key.equals(CONF + "all.forwarding")) {
      // devinet_sysctl_forward(): only a write that changes the value calls inet_forward_change()
      if (!value.equals(global.get(IP_FORWARD))) {
        setForwardingEverywhere(value);
      }
    } else if (key.equals(CONF6 + "all.disable_ipv6")) {
      setEverywhere(Group.CONF6, "disable_ipv6", value);
    } else {
      global.put(key, value);
      if (key.startsWith(CONF + "default.")) {
        propagateDefault(key.substring((CONF + "default.").length()), value);
      }
    }
  }

  /**
   * devinet_copy_dflt_conf(): a new {@code conf.default} value reaches every interface whose own
   * value was never written. Settings with their own handler never do: {@code forwarding}
   * (devinet_sysctl_forward) and {@code promote_secondaries} (ipv4_doint_and_flush); their default
   * only reaches devices created later.
   */
  private void propagateDefault(String setting, String value) {
    if (NOT_COPIED_FROM_DEFAULT.contains(setting)) {
      return;
    }
    for (DeviceSysctls device : devices.values()) {
      if (device.group(Group.CONF).containsKey(setting)
          && !device.explicitlySet.contains(setting)) {
        device.group(Group.CONF).put(setting, value);
      }
    }
  }

  /**
   * inet_forward_change(): the value as written (any integer counts as on unless 0) goes to {@code
   * all}, {@code default} and every device; {@code all.accept_redirects} becomes its negation.
   */
  private void setForwardingEverywhere(String value) {
    global.put(IP_FORWARD, value);
    global.put(CONF + "all.accept_redirects", value.equals("0") ? "1" : "0");
    setEverywhere(Group.CONF, "forwarding", value);
  }

  /** Writes a setting in the {@code all} and {@code default} groups and on every device. */
  private void setEverywhere(Group group, String setting, String value) {
    for (String scope : List.of("all.", "default.")) {
      global.replace(group.prefix + scope + setting, value);
    }
    for (DeviceSysctls device : devices.values()) {
      device.group(group).replace(setting, value);
    }
  }

  void deviceAdded(String name) {
    DeviceSysctls device = DeviceSysctls.empty();
    CONF_DEFAULTS
        .keySet()
        .forEach(k -> device.group(Group.CONF).put(k, global.get(CONF + "default." + k)));
    CONF6_DEFAULTS
        .keySet()
        .forEach(k -> device.group(Group.CONF6).put(k, global.get(CONF6 + "default." + k)));
    device.group(Group.NEIGH).putAll(NEIGH_DEFAULTS);
    devices.put(name, device);
  }

  void deviceRemoved(String name) {
    devices.remove(name);
  }

  void deviceRenamed(String oldName, String newName) {
    DeviceSysctls device = devices.remove(oldName);
    if (device != null) {
      devices.put(newName, device);
    }
  }
}
