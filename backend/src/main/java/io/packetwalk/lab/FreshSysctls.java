package io.packetwalk.lab;

import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a fresh namespace's sysctls hold, read from a fresh simulated namespace with one device
 * added, and how per-device keys are named: a per-device key is a key of that new device ({@code
 * net.ipv4.conf.DEV.rp_filter}, {@code net.ipv4.neigh.DEV.…}) with another device's name in place.
 */
final class FreshSysctls {

  static final String IP_FORWARD = "net.ipv4.ip_forward";

  private static final String PROBE = "pwprobe0";

  /** A fresh namespace's namespace-wide keys (conf.all, conf.default, …) and their values. */
  private static final SortedMap<String, String> NAMESPACE_WIDE = new TreeMap<>();

  /** Per-device keys as (prefix, setting) → a new device's value. */
  private static final Map<Template, String> PER_DEVICE = new java.util.LinkedHashMap<>();

  /** The two parts around the device name of a per-device key. */
  record Template(String prefix, String setting) {

    String key(String device) {
      return prefix + device + "." + setting;
    }

    /** The group default this setting is copied from ({@code net.ipv4.conf.default.rp_filter}). */
    String defaultKey() {
      return key("default");
    }
  }

  static {
    NetNamespace fresh = World.withOneHost().defaultHost().root();
    SortedMap<String, String> before = new TreeMap<>(fresh.sysctls().all());
    fresh.addBridge(PROBE);
    String marker = "." + PROBE + ".";
    fresh
        .sysctls()
        .all()
        .forEach((key, value) -> {
          int at = key.indexOf(marker);
          if (at >= 0) {
            PER_DEVICE.put(
                new Template(key.substring(0, at + 1), key.substring(at + marker.length())), value);
          }
        });
    before.forEach((key, value) -> {
      if (deviceOf(key).isEmpty()) {
        NAMESPACE_WIDE.put(key, value);
      }
    });
  }

  private FreshSysctls() {}

  /** The value a fresh namespace has (for a per-device key: what a new device gets). */
  static Optional<String> freshValue(String key) {
    String value = NAMESPACE_WIDE.get(key);
    if (value != null) {
      return Optional.of(value);
    }
    return templateOf(key).map(PER_DEVICE::get);
  }

  static boolean isNamespaceWide(String key) {
    return NAMESPACE_WIDE.containsKey(key);
  }

  /** The device a per-device key belongs to ({@code net.ipv4.conf.eth0.rp_filter} → eth0). */
  static Optional<String> deviceOf(String key) {
    for (Template template : PER_DEVICE.keySet()) {
      String suffix = "." + template.setting();
      if (key.startsWith(template.prefix())
          && key.endsWith(suffix)
          && key.length() > template.prefix().length() + suffix.length()) {
        String device = key.substring(template.prefix().length(), key.length() - suffix.length());
        if (!device.equals("all") && !device.equals("default")) {
          return Optional.of(device);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Template> templateOf(String key) {
    return deviceOf(key)
        .flatMap(device ->
            PER_DEVICE.keySet().stream().filter(t -> t.key(device).equals(key)).findFirst());
  }

  /** Every per-device setting, in a stable order. */
  static List<Template> templates() {
    return List.copyOf(PER_DEVICE.keySet());
  }
}
