package io.packetwalk.lab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The commands that take a world from {@code after} back to {@code before}, read from the two
 * documents of the same hosts: namespaces and devices that are new are deleted, renamed devices get
 * their old names, and whatever is gone (a namespace, a device, a route, a neighbour, an FDB entry,
 * a sysctl, iptables rules) is made again by the lines of {@code before}'s own {@link LabScript}
 * that made it; bridge masters and up/down states are set last. Every command runs in its host's
 * root namespace, as the lab script's lines do.
 */
public final class EditInverse {

  /** One command and the host whose root namespace runs it. */
  public record HostCommand(String host, String line) {}

  private static final Pattern PATH =
      Pattern.compile(
          "hosts\\[(\\d+)]\\.namespaces\\[(\\d+)](?:\\.(devices|routes|neighbours|fdb)\\[(\\d+)])?"
              + "(\\.iptables|\\.sysctls\\[\"([^\"]+)\"])?.*");

  private EditInverse() {}

  /**
   * The reversing commands: hosts that are gone are added again ({@code pw host add}, run on a host
   * both documents hold) and rebuilt by their own script lines; then each kept host is reversed;
   * hosts that are new lose their namespaces and are removed ({@code pw host del}); underlay
   * switches that are gone come back first, new ones go last (their NICs are gone by then).
   */
  public static List<HostCommand> between(LabDocument before, LabDocument after) {
    List<HostCommand> out = new ArrayList<>();
    Set<String> wasNames =
        before.hosts().stream().map(LabHost::name).collect(Collectors.toUnmodifiableSet());
    Set<String> nowNames =
        after.hosts().stream().map(LabHost::name).collect(Collectors.toUnmodifiableSet());
    Optional<String> kept =
        before.hosts().stream().map(LabHost::name).filter(nowNames::contains).findFirst();
    for (int h = 0; h < before.hosts().size(); h++) {
      LabHost was = before.hosts().get(h);
      Optional<LabHost> now =
          after.hosts().stream().filter(host -> host.name().equals(was.name())).findFirst();
      if (now.isPresent()) {
        new HostInverse(before, h, now.get(), out).write();
      } else if (kept.isPresent()) {
        out.add(0, new HostCommand(kept.get(), "pw host add " + LabScript.quote(was.name())));
        LabScript.of(before, h).lines().stream()
            .map(LabScript.Line::command)
            .filter(command -> !command.startsWith("#"))
            .forEach(command -> out.add(new HostCommand(was.name(), command)));
      }
    }
    if (kept.isPresent()) {
      for (String sw : before.underlay()) {
        if (!after.underlay().contains(sw)) {
          out.add(0, new HostCommand(kept.get(), "pw switch add " + LabScript.quote(sw)));
        }
      }
    }
    for (LabHost added : after.hosts()) {
      if (!wasNames.contains(added.name()) && kept.isPresent()) {
        for (LabNamespace ns : added.namespaces()) {
          if (!ns.isRoot()) {
            out.add(new HostCommand(added.name(), "ip netns del " + LabScript.quote(ns.name())));
          }
        }
        out.add(new HostCommand(kept.get(), "pw host del " + LabScript.quote(added.name())));
      }
    }
    if (kept.isPresent()) {
      for (String sw : after.underlay()) {
        if (!before.underlay().contains(sw)) {
          out.add(new HostCommand(kept.get(), "pw switch del " + LabScript.quote(sw)));
        }
      }
    }
    return List.copyOf(out);
  }

  /** The reversal of one host. */
  private static final class HostInverse {

    private final LabDocument before;
    private final int hostIndex;
    private final LabHost was;
    private final LabHost now;
    private final List<HostCommand> out;
    private final Map<String, LabNamespace> wasByName;
    private final Map<String, LabNamespace> nowByName;

    HostInverse(LabDocument before, int hostIndex, LabHost now, List<HostCommand> out) {
      this.before = before;
      this.hostIndex = hostIndex;
      this.was = before.hosts().get(hostIndex);
      this.now = now;
      this.out = out;
      this.wasByName = byName(was.namespaces());
      this.nowByName = byName(now.namespaces());
    }

    void write() {
      Set<String> deleted = new HashSet<>();
      for (LabNamespace ns : now.namespaces()) {
        if (!wasByName.containsKey(ns.name())) {
          emit("ip netns del " + LabScript.quote(ns.name()));
          deleted.add(ns.name());
        }
      }
      List<String> later = new ArrayList<>();
      for (LabNamespace ns : now.namespaces()) {
        LabNamespace old = wasByName.get(ns.name());
        if (old != null) {
          reverseDevices(old, ns, deleted, later);
        }
      }
      // A scratch namespace the script makes for a device (to give it its ifindex) is deleted by
      // a host-wide line at the end: kept when the line that made it was.
      Set<String> scratch = new HashSet<>();
      for (LabScript.Line line : LabScript.of(before, hostIndex).lines()) {
        String command = line.command();
        if (command.startsWith("#")) {
          continue;
        }
        if (gone(line.path())) {
          emit(command);
          if (command.startsWith("ip netns add ") && line.path().contains(".devices[")) {
            scratch.add(command.substring("ip netns add ".length()));
          }
        } else if (command.startsWith("ip netns del ")
            && scratch.contains(command.substring("ip netns del ".length()))) {
          emit(command);
        }
      }
      later.forEach(this::emit);
    }

    /**
     * Deletes the namespace's new devices and renames the renamed ones now; queues master and
     * up/down changes for {@code later}, after gone bridges are made again.
     */
    private void reverseDevices(
        LabNamespace old, LabNamespace ns, Set<String> deleted, List<String> later) {
      for (LabDevice dev : ns.devices()) {
        Optional<LabDevice> match = same(old, dev);
        if (match.isEmpty()) {
          boolean peerGoesFirst =
              dev.peer() != null
                  && (deleted.contains(dev.peer().netns())
                      || deleted.contains(dev.peer().netns() + "/" + dev.peer().device()));
          if (!peerGoesFirst) {
            emit(
                in(
                    ns,
                    dev.kind() == LabDeviceKind.PHYSICAL
                        ? "pw nic del "
                            + LabScript.quote(was.name())
                            + " "
                            + LabScript.quote(dev.name())
                        : "ip link del dev " + LabScript.quote(dev.name())));
            deleted.add(ns.name() + "/" + dev.name());
          }
          continue;
        }
        LabDevice oldDev = match.get();
        String name = dev.name();
        if (!name.equals(oldDev.name())) {
          if (dev.up()) {
            emit(in(ns, "ip link set dev " + LabScript.quote(name) + " down"));
          }
          emit(
              in(
                  ns,
                  "ip link set dev "
                      + LabScript.quote(name)
                      + " name "
                      + LabScript.quote(oldDev.name())));
          name = oldDev.name();
          if (dev.up() && oldDev.up()) {
            emit(in(ns, "ip link set dev " + LabScript.quote(name) + " up"));
          }
        }
        if (!Objects.equals(dev.master(), oldDev.master())) {
          later.add(
              in(
                  ns,
                  "ip link set dev "
                      + LabScript.quote(name)
                      + (oldDev.master() == null
                          ? " nomaster"
                          : " master " + LabScript.quote(oldDev.master()))));
        }
        if (dev.up() != oldDev.up() && name.equals(dev.name())) {
          later.add(
              in(ns, "ip link set dev " + LabScript.quote(name) + (oldDev.up() ? " up" : " down")));
        }
      }
    }

    /** Whether the thing a script line of {@code before} made is missing from {@code now}. */
    private boolean gone(String path) {
      Matcher m = PATH.matcher(path);
      if (!m.matches() || Integer.parseInt(m.group(1)) != hostIndex) {
        return false;
      }
      LabNamespace old = was.namespaces().get(Integer.parseInt(m.group(2)));
      LabNamespace ns = nowByName.get(old.name());
      if (ns == null) {
        return true;
      }
      if (m.group(3) != null) {
        int index = Integer.parseInt(m.group(4));
        return switch (m.group(3)) {
          case "devices" -> same(ns, old.devices().get(index)).isEmpty();
          case "routes" -> !ns.routes().contains(old.routes().get(index));
          case "neighbours" -> !ns.neighbours().contains(old.neighbours().get(index));
          default -> !ns.fdb().contains(old.fdb().get(index));
        };
      }
      if (m.group(6) != null) {
        return !Objects.equals(ns.sysctls().get(m.group(6)), old.sysctls().get(m.group(6)));
      }
      return ".iptables".equals(m.group(5)) && !ns.iptables().equals(old.iptables());
    }

    /** The device of {@code ns} that is {@code dev} (same ifindex and kind), perhaps renamed. */
    private static Optional<LabDevice> same(LabNamespace ns, LabDevice dev) {
      return ns.devices().stream()
          .filter(d -> d.ifindex() == dev.ifindex() && d.kind() == dev.kind())
          .findFirst();
    }

    private static String in(LabNamespace ns, String command) {
      return ns.isRoot() ? command : "ip netns exec " + LabScript.quote(ns.name()) + " " + command;
    }

    private void emit(String line) {
      out.add(new HostCommand(was.name(), line));
    }

    private static Map<String, LabNamespace> byName(List<LabNamespace> namespaces) {
      return namespaces.stream()
          .collect(Collectors.toMap(LabNamespace::name, Function.identity(), (a, b) -> a));
    }
  }
}
