package io.packetwalk.lab;

import io.packetwalk.kernel.AddressScope;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.Route;
import io.packetwalk.kernel.RouteProtocol;
import io.packetwalk.kernel.RouteType;
import io.packetwalk.kernel.World;
import io.packetwalk.net.Ipv4Prefix;
import io.packetwalk.net.MacAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One host of a lab document written as the commands that build it: {@code ip netns add}, {@code ip
 * link add}, {@code ip link set}, {@code ip addr add}, {@code ip route add}, {@code ip neigh add},
 * {@code bridge fdb add} and {@code sysctl -w}. The same text runs in the simulator's shell and
 * under bash as root in a fresh network namespace, and gives the same world in both.
 *
 * <p>Order matters and is chosen here: namespaces; namespace-wide sysctls (so new devices inherit
 * {@code conf.default}); devices in an order that makes the kernel number them as the document
 * says; MACs, MTUs, bridge ports and static FDB entries (before links go up, so that no entry the
 * bridge learns from the first frames is there first); {@code lo} up (the kernel gives it {@code
 * 127.0.0.1}), then addresses, then the other links up; routes with on-link next hops before routes
 * through gateways; static neighbours; per-device sysctls. Each line remembers the document path it
 * came from, so a failing line can be reported against the document.
 */
public final class LabScript {

  /**
   * One script line: its 1-based number in {@link #text()}, the command (or a {@code #} comment)
   * and the document path behind it.
   */
  public record Line(int number, String command, String path) {}

  /**
   * Where the host's namespaces are on the machine that runs the script: {@code root} names the
   * network namespace that stands for the host's root namespace ({@code ""}: the one the script
   * runs in), {@code named} gives the real name of each of its named namespaces.
   */
  record Naming(String root, UnaryOperator<String> named) {

    /** One host run as is: its root is where the script runs, its namespaces keep their names. */
    static final Naming AS_IS = new Naming("", UnaryOperator.identity());
  }

  private final String header;
  private final List<Line> lines;
  private final List<LabProblem> problems;

  private LabScript(String header, List<Line> unnumbered, List<LabProblem> problems) {
    this.header = header;
    List<Line> numbered = new ArrayList<>();
    int number = (int) header.lines().count();
    for (Line line : unnumbered) {
      if (line.command().startsWith("#")) {
        number++;
      }
      numbered.add(new Line(++number, line.command(), line.path()));
      number += (int) line.command().chars().filter(c -> c == '\n').count();
    }
    this.lines = List.copyOf(numbered);
    this.problems = List.copyOf(problems);
  }

  /** The script of the document's first host. */
  public static LabScript of(LabDocument document) {
    return of(document, 0);
  }

  /**
   * The script of host {@code hostIndex} (the document must be valid, see {@link LabValidator}).
   */
  public static LabScript of(LabDocument document, int hostIndex) {
    LabHost host = document.hosts().get(hostIndex);
    Writer writer = write(document, hostIndex, Naming.AS_IS);
    String header =
        "#!/usr/bin/env bash\n"
            + "# Packetwalk lab \""
            + document.name().replaceAll("[\\r\\n]+", " ")
            + "\", host \""
            + host.name()
            + "\" (lab schemaVersion "
            + document.schemaVersion()
            + ").\n"
            + "# Rebuilds the lab's namespaces, devices, addresses, routes, static neighbours,\n"
            + "# static FDB entries and changed sysctls. Run it as root in a fresh network\n"
            + "# namespace, so that the machine's own network is left alone, for example:\n"
            + "#   unshare --mount --net --pid --fork --mount-proc bash -c \\\n"
            + "#     'mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns && bash -e lab.sh'\n"
            + (host.bridgeVlanFiltering()
                ? "# Its bridges filter VLANs: the kernel needs CONFIG_BRIDGE_VLAN_FILTERING.\n"
                : "");
    return new LabScript(header, writer.lines, writer.problems);
  }

  /**
   * The lines of host {@code hostIndex} with its namespaces where {@code naming} puts them, for a
   * script that holds several hosts; without a header.
   */
  static LabScript of(LabDocument document, int hostIndex, Naming naming) {
    Writer writer = write(document, hostIndex, naming);
    return new LabScript("", writer.lines, writer.problems);
  }

  private static Writer write(LabDocument document, int hostIndex, Naming naming) {
    Writer writer = new Writer(document.hosts().get(hostIndex), "hosts[" + hostIndex + "]", naming);
    writer.write();
    return writer;
  }

  /** The lines after the header, in order, with their numbers in {@link #text()}. */
  public List<Line> lines() {
    return lines;
  }

  /** Why the script would not rebuild the document exactly; empty when it will. */
  public List<LabProblem> problems() {
    return problems;
  }

  /** The whole script: the header comment, then one command per line. */
  public String text() {
    StringBuilder out = new StringBuilder(header);
    for (Line line : lines) {
      if (line.command().startsWith("#")) {
        out.append('\n');
      }
      out.append(line.command()).append('\n');
    }
    return out.toString();
  }

  /** Writes one host. */
  private static final class Writer {

    private final LabHost host;
    private final String hostPath;
    private final Naming naming;
    private final List<Line> lines = new ArrayList<>();
    private final List<LabProblem> problems = new ArrayList<>();
    private final Map<String, Integer> nsIndex = new HashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private String scratch;

    Writer(LabHost host, String hostPath, Naming naming) {
      this.host = host;
      this.hostPath = hostPath;
      this.naming = naming;
      for (int n = 0; n < host.namespaces().size(); n++) {
        nsIndex.put(host.namespaces().get(n).name(), n);
      }
    }

    private String nsPath(LabNamespace ns) {
      return hostPath + ".namespaces[" + nsIndex.get(ns.name()) + "]";
    }

    private String devPath(LabNamespace ns, LabDevice dev) {
      return nsPath(ns) + ".devices[" + ns.devices().indexOf(dev) + "]";
    }

    private void comment(String text) {
      lines.add(new Line(0, "# " + text, hostPath));
    }

    private void emit(String path, LabNamespace ns, String command) {
      lines.add(new Line(0, in(ns.isRoot() ? naming.root() : named(ns.name()), command), path));
    }

    /**
     * A command run where the script runs, never under {@code ip netns exec}: {@code ip netns
     * add|del}, whose bind mount would vanish with the mount namespace {@code ip netns exec} makes.
     */
    private void emitOnMachine(String path, String command) {
      lines.add(new Line(0, command, path));
    }

    /** The real name of the host's namespace {@code name} on the machine that runs the script. */
    private String named(String name) {
      return naming.named().apply(name);
    }

    private static String in(String netns, String command) {
      return netns.isEmpty() ? command : "ip netns exec " + quote(netns) + " " + command;
    }

    void write() {
      List<LabNamespace> named = host.namespaces().stream().filter(ns -> !ns.isRoot()).toList();
      if (!named.isEmpty()) {
        comment("namespaces");
        for (LabNamespace ns : named) {
          emitOnMachine(nsPath(ns), "ip netns add " + quote(named(ns.name())));
        }
      }
      Map<LabNamespace, SysctlModel> model = new LinkedHashMap<>();
      for (LabNamespace ns : host.namespaces()) {
        model.put(ns, namespaceSysctls(ns));
      }
      devices();
      for (LabNamespace ns : host.namespaces()) {
        linkSettings(ns);
      }
      for (LabNamespace ns : host.namespaces()) {
        addressesAndUp(ns);
      }
      for (LabNamespace ns : host.namespaces()) {
        routes(ns);
      }
      for (LabNamespace ns : host.namespaces()) {
        neighbours(ns);
      }
      for (LabNamespace ns : host.namespaces()) {
        deviceSysctls(ns, model.get(ns));
      }
      for (LabNamespace ns : host.namespaces()) {
        iptables(ns);
      }
    }

    /** The namespace's tables, restored from a here-document of their iptables-save text. */
    private void iptables(LabNamespace ns) {
      if (ns.iptables().isEmpty()) {
        return;
      }
      comment("iptables of " + ns.displayName());
      String end = "RULES";
      while (ns.iptables().lines().anyMatch(end::equals)) {
        end = end + "_";
      }
      emit(
          nsPath(ns) + ".iptables", ns, "iptables-restore <<'" + end + "'\n" + ns.iptables() + end);
    }

    // ---- sysctls ----

    private String desired(LabNamespace ns, String key) {
      String value = ns.sysctls().get(key);
      return value != null ? value : FreshSysctls.freshValue(key).orElseThrow();
    }

    /**
     * Writes the namespace-wide sysctls whose values differ from what the namespace holds at that
     * point: {@code ip_forward} first, then {@code conf.all.*}, then the rest in key order. A write
     * may change other keys as in the kernel ({@code ip_forward} sets every {@code forwarding} and
     * {@code conf.all.accept_redirects}); a fresh simulated namespace follows along as the model,
     * so that only the writes needed are made. Returns that model.
     */
    private SysctlModel namespaceSysctls(LabNamespace ns) {
      NetNamespace model = World.withOneHost().defaultHost().root();
      for (LabDevice dev : ns.devices()) {
        if (dev.kind() == LabDeviceKind.PHYSICAL) {
          model.addPhysical(dev.name(), dev.mac());
        }
      }
      List<String> keys = new ArrayList<>(model.sysctls().all().keySet());
      keys.removeIf(key -> !FreshSysctls.isNamespaceWide(key));
      keys.sort(
          Comparator.comparingInt((String key) ->
                  key.equals(FreshSysctls.IP_FORWARD) ? 0 : key.contains(".all.") ? 1 : 2)
              .thenComparing(Comparator.naturalOrder()));
      Set<String> written = new HashSet<>();
      for (String key : keys) {
        String want = desired(ns, key);
        if (!want.equals(model.sysctls().get(key).orElseThrow())) {
          if (written.isEmpty()) {
            comment(
                "sysctls of "
                    + ns.displayName()
                    + " (before its devices, which copy conf.default)");
          }
          sysctl(ns, key, want);
          model.sysctls().set(key, want);
          written.add(key);
        }
      }
      return new SysctlModel(model, written);
    }

    /** A simulated namespace following the sysctl writes, and the namespace-wide keys written. */
    private record SysctlModel(NetNamespace netns, Set<String> written) {}

    private void sysctl(LabNamespace ns, String key, String value) {
      emit(nsPath(ns) + ".sysctls[\"" + key + "\"]", ns, "sysctl -w " + quote(key + "=" + value));
    }

    /**
     * Writes the per-device sysctls that differ from what the device holds. A device made by this
     * script copied {@code conf.default} when it was made. {@code lo} (and a physical NIC) existed
     * before; whether a later write to a {@code default} key reaches it differs between kernels, so
     * its value is written whenever that default was written.
     */
    private void deviceSysctls(LabNamespace ns, SysctlModel model) {
      for (LabDevice dev : ns.devices()) {
        if (dev.kind() == LabDeviceKind.LOOPBACK) {
          if (!dev.name().equals("lo")) {
            model.netns().rename(model.netns().loopback(), dev.name());
          }
        } else if (dev.kind() != LabDeviceKind.PHYSICAL) {
          model.netns().addBridge(dev.name());
        }
      }
      boolean first = true;
      for (LabDevice dev : ns.devices()) {
        boolean preexisting =
            dev.kind() == LabDeviceKind.LOOPBACK || dev.kind() == LabDeviceKind.PHYSICAL;
        for (FreshSysctls.Template template : FreshSysctls.templates()) {
          String key = template.key(dev.name());
          Optional<String> have = model.netns().sysctls().get(key);
          if (have.isEmpty()) {
            continue;
          }
          String want = desired(ns, key);
          boolean doubt = preexisting && model.written().contains(template.defaultKey());
          if (doubt || !want.equals(have.get())) {
            if (first) {
              comment("per-device sysctls of " + ns.displayName());
              first = false;
            }
            sysctl(ns, key, want);
          }
        }
      }
    }

    // ---- devices ----

    /** A device to create, or a veth pair (both ends). */
    private record Creation(List<End> ends) {}

    private record End(LabNamespace ns, LabDevice dev) {}

    /** The stacked devices to make, each with the device it sits on. */
    private final Map<End, End> lowers = new HashMap<>();

    /** The devices made so far. */
    private final Set<End> made = new HashSet<>();

    private End lowerEnd(LabStacked stacked) {
      LabNamespace lowerNs = host.namespaces().get(nsIndex.get(stacked.lower().netns()));
      LabDevice lower =
          lowerNs.devices().stream()
              .filter(d -> d.name().equals(stacked.lower().device()))
              .findFirst()
              .orElseThrow();
      return new End(lowerNs, lower);
    }

    private void devices() {
      Map<String, List<End>> queues = new LinkedHashMap<>();
      List<Creation> pending = new ArrayList<>();
      Set<String> planned = new HashSet<>();
      for (LabNamespace ns : host.namespaces()) {
        List<End> queue = new ArrayList<>();
        int next = 2;
        for (LabDevice dev : ns.devices()) {
          if (dev.kind() == LabDeviceKind.LOOPBACK) {
            continue;
          }
          if (dev.kind() == LabDeviceKind.PHYSICAL) {
            physical(ns, dev, next);
            next = Math.max(next, dev.ifindex() + 1);
            continue;
          }
          queue.add(new End(ns, dev));
          String id = ns.name() + "\0" + dev.name();
          if (planned.contains(id)) {
            continue;
          }
          List<End> ends = new ArrayList<>();
          ends.add(new End(ns, dev));
          planned.add(id);
          if (dev.stacked() != null) {
            lowers.put(new End(ns, dev), lowerEnd(dev.stacked()));
          }
          if (dev.peer() != null) {
            LabNamespace peerNs = host.namespaces().get(nsIndex.get(dev.peer().netns()));
            LabDevice peer =
                peerNs.devices().stream()
                    .filter(d -> d.name().equals(dev.peer().device()))
                    .findFirst()
                    .orElseThrow();
            ends.add(new End(peerNs, peer));
            planned.add(peerNs.name() + "\0" + peer.name());
          }
          pending.add(new Creation(ends));
        }
        queues.put(ns.name(), queue);
        counters.put(ns.name(), next);
      }
      if (pending.isEmpty()) {
        return;
      }
      comment("devices, made in the order that gives each its ifindex");
      while (!pending.isEmpty()) {
        Creation ready = null;
        for (Creation creation : pending) {
          if (isReady(creation, queues)) {
            ready = creation;
            break;
          }
        }
        if (ready == null) {
          for (Creation stuck : pending) {
            End end = stuck.ends().get(0);
            problems.add(
                new LabProblem(
                    devPath(end.ns(), end.dev()) + ".ifindex",
                    "ifindex "
                        + end.dev().ifindex()
                        + " of \""
                        + end.dev().name()
                        + "\" cannot be reproduced: the kernel numbers each namespace's devices in"
                        + " creation order, and the veth pairs of this lab would each have to be"
                        + " made before the other"));
            create(stuck);
          }
          break;
        }
        pending.remove(ready);
        for (End end : ready.ends()) {
          queues.get(end.ns().name()).remove(end);
        }
        fillGaps(ready);
        create(ready);
      }
      if (scratch != null) {
        emitOnMachine(hostPath, "ip netns del " + quote(named(scratch)));
      }
    }

    private void physical(LabNamespace ns, LabDevice dev, int expected) {
      if (!ns.isRoot()) {
        problems.add(
            new LabProblem(
                devPath(ns, dev),
                "physical NIC \""
                    + dev.name()
                    + "\" comes with its host in the root namespace; a lab script cannot move it"
                    + " into netns \""
                    + ns.name()
                    + "\""));
      } else if (dev.ifindex() != expected) {
        problems.add(
            new LabProblem(
                devPath(ns, dev) + ".ifindex",
                "physical NICs come first, right after lo: \""
                    + dev.name()
                    + "\" would be ifindex "
                    + expected
                    + ", not "
                    + dev.ifindex()));
      }
    }

    /** Every end is the next device its namespace must make (both ends, for a same-ns pair). */
    private boolean isReady(Creation creation, Map<String, List<End>> queues) {
      List<End> ends = creation.ends();
      End lower = lowers.get(ends.get(0));
      if (lower != null && !made.contains(lower) && lower.dev().kind() != LabDeviceKind.PHYSICAL) {
        return false;
      }
      if (ends.size() == 2 && ends.get(0).ns() == ends.get(1).ns()) {
        List<End> queue = queues.get(ends.get(0).ns().name());
        return queue.size() >= 2
            && Set.of(queue.get(0), queue.get(1)).equals(Set.copyOf(ends))
            && Math.abs(ends.get(0).dev().ifindex() - ends.get(1).dev().ifindex()) == 1;
      }
      for (End end : ends) {
        List<End> queue = queues.get(end.ns().name());
        if (queue.isEmpty() || !queue.get(0).equals(end)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Uses up the indexes a namespace skips (devices deleted or moved away in the original world)
     * with veth pairs that are made and deleted at once; a single skipped index is taken by a pair
     * whose other end lives in a scratch namespace, deleted at the end.
     */
    private void fillGaps(Creation creation) {
      for (End end : creation.ends()) {
        LabNamespace ns = end.ns();
        int target =
            creation.ends().stream()
                .filter(e -> e.ns() == ns)
                .mapToInt(e -> e.dev().ifindex())
                .min()
                .orElseThrow();
        int counter = counters.get(ns.name());
        String path = devPath(ns, end.dev()) + ".ifindex";
        if (counter < target) {
          comment(
              "keep ifindex "
                  + (target - counter == 1 ? counter : counter + "-" + (target - 1))
                  + " of "
                  + ns.displayName()
                  + " unused, as in the lab");
        }
        while (target - counter >= 2) {
          String a = freeName(ns, "pw-gap");
          String b = freeName(ns, "pw-gap-peer");
          emit(path, ns, "ip link add " + a + " type veth peer name " + b);
          emit(path, ns, "ip link del " + a);
          counter += 2;
        }
        if (target - counter == 1) {
          if (scratch == null) {
            scratch = freeNetnsName("pw-scratch");
            emitOnMachine(path, "ip netns add " + quote(named(scratch)));
          }
          String a = freeName(ns, "pw-gap");
          emit(
              path,
              host.namespaces().get(0),
              "ip link add "
                  + a
                  + (ns.isRoot() ? "" : " netns " + quote(named(ns.name())))
                  + " type veth peer name pw-gap netns "
                  + quote(named(scratch)));
          emit(path, ns, "ip link del " + a);
          counter++;
        }
        counters.put(ns.name(), counter);
      }
    }

    private void create(Creation creation) {
      List<End> ends = creation.ends();
      End first = ends.get(0);
      String path = devPath(first.ns(), first.dev());
      LabDevice dev = first.dev();
      switch (dev.kind()) {
        case BRIDGE ->
            emit(
                path,
                first.ns(),
                "ip link add " + quote(dev.name()) + " type bridge" + bridgeOptions(dev.bridge()));
        case DUMMY -> emit(path, first.ns(), "ip link add " + quote(dev.name()) + " type dummy");
        case VXLAN ->
            emit(
                path,
                first.ns(),
                "ip link add " + quote(dev.name()) + " " + dev.vxlan().createArgs());
        case TUN ->
            emit(
                path,
                first.ns(),
                "ip tuntap add dev " + quote(dev.name()) + " " + dev.tun().createArgs());
        case VETH -> veth(ends);
        case MACVLAN, VLAN, IPVLAN -> stacked(first);
        default -> throw new IllegalStateException(dev.kind() + " is never made by a command");
      }
      for (End end : ends) {
        counters.put(end.ns().name(), end.dev().ifindex() + 1);
        made.add(end);
      }
    }

    private static String bridgeOptions(LabBridge bridge) {
      StringBuilder options = new StringBuilder();
      if (bridge.ageingTime() != LabBridge.DEFAULTS.ageingTime()) {
        options.append(" ageing_time ").append(bridge.ageingTime());
      }
      if (bridge.stp()) {
        options.append(" stp_state 1");
      }
      if (bridge.nfCallIptables()) {
        options.append(" nf_call_iptables 1");
      }
      if (bridge.defaultPvid() != LabBridge.DEFAULTS.defaultPvid()) {
        options.append(" vlan_default_pvid ").append(bridge.defaultPvid());
      }
      return options.toString();
    }

    /**
     * {@code ip link add DEV type veth peer name PEER}: the kernel registers PEER first, so in one
     * namespace PEER is the end with the lower index; across namespaces the root end (if any) is
     * DEV, so that no command has to name the root namespace.
     */
    private void veth(List<End> ends) {
      End a = ends.get(0);
      End b = ends.get(1);
      String path = devPath(a.ns(), a.dev());
      if (a.ns() == b.ns()) {
        End low = a.dev().ifindex() < b.dev().ifindex() ? a : b;
        End high = low == a ? b : a;
        emit(
            path,
            a.ns(),
            "ip link add "
                + quote(high.dev().name())
                + " type veth peer name "
                + quote(low.dev().name()));
        return;
      }
      End dev = b.ns().isRoot() ? b : a;
      End peer = dev == a ? b : a;
      emit(
          path,
          host.namespaces().get(0),
          "ip link add "
              + quote(dev.dev().name())
              + (dev.ns().isRoot() ? "" : " netns " + quote(named(dev.ns().name())))
              + " type veth peer name "
              + quote(peer.dev().name())
              + " netns "
              + quote(named(peer.ns().name())));
    }

    /**
     * {@code ip link add NAME link LOWER [netns NS] type macvlan mode MODE} or {@code … type vlan
     * id ID}, run where LOWER lives; the device is made straight in its own namespace (the kernel
     * finds LOWER where the command runs).
     */
    private void stacked(End end) {
      End lower = lowers.get(end);
      emit(
          devPath(end.ns(), end.dev()),
          lower.ns(),
          "ip link add "
              + quote(end.dev().name())
              + " link "
              + quote(lower.dev().name())
              + netnsArgument(end.ns(), lower.ns())
              + stackedType(end.dev()));
    }

    /** The {@code type …} words that make a stacked device as the document describes it. */
    private static String stackedType(LabDevice dev) {
      LabStacked stacked = dev.stacked();
      return switch (dev.kind()) {
        case VLAN -> " type vlan id " + stacked.vlanId();
        case IPVLAN -> " type ipvlan mode " + stacked.mode() + " " + stacked.flag();
        default -> " type macvlan mode " + stacked.mode();
      };
    }

    /**
     * {@code netns NS} when a device is made from another namespace: the name the namespace has
     * where the script runs, or {@code 1} for the root of a host that is the machine itself.
     */
    private String netnsArgument(LabNamespace target, LabNamespace from) {
      if (target == from) {
        return "";
      }
      if (target.isRoot()) {
        return naming.root().isEmpty() ? " netns 1" : " netns " + quote(naming.root());
      }
      return " netns " + quote(named(target.name()));
    }

    private String freeName(LabNamespace ns, String base) {
      Set<String> taken = new HashSet<>();
      ns.devices().forEach(d -> taken.add(d.name()));
      String name = base;
      for (int i = 2; taken.contains(name); i++) {
        name = base + i;
      }
      return name;
    }

    private String freeNetnsName(String base) {
      String name = base;
      for (int i = 2; nsIndex.containsKey(name); i++) {
        name = base + i;
      }
      return name;
    }

    // ---- link settings ----

    private void linkSettings(LabNamespace ns) {
      List<String[]> commands = new ArrayList<>();
      Map<String, List<LabDevice>> ports = new HashMap<>();
      for (LabDevice dev : ns.devices()) {
        if (dev.master() != null) {
          ports.computeIfAbsent(dev.master(), k -> new ArrayList<>()).add(dev);
        }
      }
      for (LabDevice dev : ns.devices()) {
        String path = devPath(ns, dev);
        if (dev.kind() == LabDeviceKind.LOOPBACK && !dev.name().equals("lo")) {
          commands.add(
              new String[] {path + ".name", "ip link set dev lo name " + quote(dev.name())});
        }
        boolean madeHere =
            dev.kind() != LabDeviceKind.LOOPBACK && dev.kind() != LabDeviceKind.PHYSICAL;
        boolean hasMac = !(dev.tun() != null && dev.tun().isTun());
        // an ipvlan has no MAC of its own: it shows its lower device's
        if (madeHere
            && hasMac
            && dev.kind() != LabDeviceKind.BRIDGE
            && dev.kind() != LabDeviceKind.IPVLAN) {
          commands.add(
              new String[] {
                path + ".mac", "ip link set dev " + quote(dev.name()) + " address " + dev.mac()
              });
        }
        if (dev.kind() != LabDeviceKind.BRIDGE && dev.mtu() != LabDevice.defaultMtu(dev.kind())) {
          commands.add(
              new String[] {
                path + ".mtu", "ip link set dev " + quote(dev.name()) + " mtu " + dev.mtu()
              });
        }
      }
      for (LabDevice dev : ns.devices()) {
        if (dev.master() == null) {
          continue;
        }
        String path = devPath(ns, dev);
        commands.add(
            new String[] {
              path + ".master",
              "ip link set dev " + quote(dev.name()) + " master " + quote(dev.master())
            });
        String options = portOptions(dev.port());
        if (!options.isEmpty()) {
          commands.add(
              new String[] {path + ".port", "bridge link set dev " + quote(dev.name()) + options});
        }
        LabDevice master =
            ns.devices().stream()
                .filter(d -> d.name().equals(dev.master()))
                .findFirst()
                .orElse(null);
        if (host.bridgeVlanFiltering() && master != null && master.bridge() != null) {
          vlanCommands(
              commands,
              path + ".port.vlans",
              dev.name(),
              "",
              master.bridge().defaultPvid(),
              dev.port().vlans());
        }
      }
      for (LabDevice dev : ns.devices()) {
        if (!host.bridgeVlanFiltering() || dev.bridge() == null) {
          continue;
        }
        String path = devPath(ns, dev);
        vlanCommands(
            commands,
            path + ".bridge.vlans",
            dev.name(),
            " self",
            dev.bridge().defaultPvid(),
            dev.bridge().vlans());
        if (dev.bridge().vlanFiltering()) {
          commands.add(
              new String[] {
                path + ".bridge.vlanFiltering",
                "ip link set dev " + quote(dev.name()) + " type bridge vlan_filtering 1"
              });
        }
      }
      for (LabDevice dev : ns.devices()) {
        if (dev.kind() != LabDeviceKind.BRIDGE) {
          continue;
        }
        String path = devPath(ns, dev);
        List<LabDevice> members = ports.getOrDefault(dev.name(), List.of());
        Optional<MacAddress> lowest =
            members.stream().map(LabDevice::mac).min(MacAddress::compareTo);
        if (dev.mac().isZero()) {
          problems.add(
              new LabProblem(
                  path + ".mac",
                  "bridge \""
                      + dev.name()
                      + "\" has MAC 00:00:00:00:00:00, which the kernel leaves when a bridge's last"
                      + " port goes; no command sets it, so it cannot be rebuilt (give the bridge a"
                      + " MAC, or a port)"));
        } else if (lowest.isEmpty() || !lowest.get().equals(dev.mac())) {
          commands.add(
              new String[] {
                path + ".mac", "ip link set dev " + quote(dev.name()) + " address " + dev.mac()
              });
        }
        int expectedMtu =
            members.stream()
                .mapToInt(LabDevice::mtu)
                .min()
                .orElse(LabDevice.defaultMtu(dev.kind()));
        if (dev.mtu() != expectedMtu) {
          commands.add(
              new String[] {
                path + ".mtu", "ip link set dev " + quote(dev.name()) + " mtu " + dev.mtu()
              });
        }
      }
      for (int i = 0; i < ns.fdb().size(); i++) {
        LabFdbEntry entry = ns.fdb().get(i);
        if (entry.dst() == null && host.bridgeVlanFiltering()) {
          vlanFdb(commands, ns, i);
          continue;
        }
        commands.add(
            new String[] {
              nsPath(ns) + ".fdb[" + i + "]",
              entry.dst() != null
                  ? "bridge fdb append "
                      + entry.mac()
                      + " dev "
                      + quote(entry.device())
                      + " dst "
                      + entry.dst()
                  : "bridge fdb add "
                      + entry.mac()
                      + " dev "
                      + quote(entry.device())
                      + " master static"
            });
      }
      if (!commands.isEmpty()) {
        comment("links of " + ns.displayName() + ": MACs, MTUs, bridge ports, static FDB entries");
        commands.forEach(c -> emit(c[0], ns, c[1]));
      }
    }

    /**
     * {@code bridge vlan add|del} turning the VLANs a port (or, with {@code " self"}, the bridge)
     * got from the kernel (the default PVID, untagged) into the document's, in ascending order, so
     * that a PVID moves where the document puts it.
     */
    private static void vlanCommands(
        List<String[]> commands,
        String path,
        String dev,
        String self,
        int defaultPvid,
        List<LabVlan> wanted) {
      LabVlan given = defaultPvid == 0 ? null : new LabVlan(defaultPvid, true, true);
      for (LabVlan vlan : wanted) {
        if (vlan.equals(given)) {
          continue;
        }
        commands.add(
            new String[] {
              path,
              "bridge vlan add dev "
                  + quote(dev)
                  + " vid "
                  + vlan.vid()
                  + (vlan.pvid() ? " pvid" : "")
                  + (vlan.untagged() ? " untagged" : "")
                  + self
            });
      }
      if (given != null && wanted.stream().noneMatch(v -> v.vid() == given.vid())) {
        commands.add(
            new String[] {
              path, "bridge vlan del dev " + quote(dev) + " vid " + given.vid() + self
            });
      }
    }

    /**
     * A static entry on a host whose bridges have VLANs: one with a VLAN is added in it; one
     * without is added as br_fdb_add() does it, outside VLANs and in each VLAN of the port, and
     * then taken out of the port's VLANs the document does not list it in. An entry in a VLAN that
     * the entry without one already made is left to it.
     */
    private void vlanFdb(List<String[]> commands, LabNamespace ns, int index) {
      LabFdbEntry entry = ns.fdb().get(index);
      String path = nsPath(ns) + ".fdb[" + index + "]";
      String add =
          "bridge fdb add " + entry.mac() + " dev " + quote(entry.device()) + " master static";
      List<Integer> portVlans =
          ns.devices().stream()
              .filter(d -> d.name().equals(entry.device()) && d.port() != null)
              .flatMap(d -> d.port().vlans().stream())
              .map(LabVlan::vid)
              .toList();
      boolean hasPlain =
          ns.fdb().stream()
              .anyMatch(e ->
                  e.dst() == null
                      && e.vlan() == 0
                      && e.mac().equals(entry.mac())
                      && e.device().equals(entry.device()));
      if (entry.vlan() != 0) {
        if (!hasPlain || !portVlans.contains(entry.vlan())) {
          commands.add(new String[] {path, add + " vlan " + entry.vlan()});
        }
        return;
      }
      commands.add(new String[] {path, add});
      for (int vid : portVlans) {
        boolean listed =
            ns.fdb().stream()
                .anyMatch(e ->
                    e.dst() == null
                        && e.vlan() == vid
                        && e.mac().equals(entry.mac())
                        && e.device().equals(entry.device()));
        if (!listed) {
          commands.add(
              new String[] {
                path,
                "bridge fdb del "
                    + entry.mac()
                    + " dev "
                    + quote(entry.device())
                    + " master vlan "
                    + vid
              });
        }
      }
    }

    private static String portOptions(LabPort port) {
      StringBuilder options = new StringBuilder();
      LabPort fresh = LabPort.DEFAULTS;
      if (port.hairpin() != fresh.hairpin()) {
        options.append(" hairpin ").append(port.hairpin() ? "on" : "off");
      }
      if (port.learning() != fresh.learning()) {
        options.append(" learning ").append(port.learning() ? "on" : "off");
      }
      if (port.flood() != fresh.flood()) {
        options.append(" flood ").append(port.flood() ? "on" : "off");
      }
      if (port.cost() != fresh.cost()) {
        options.append(" cost ").append(port.cost());
      }
      return options.toString();
    }

    // ---- addresses and link state ----

    private static final Ipv4Prefix LOOPBACK_ADDRESS = Ipv4Prefix.parse("127.0.0.1/8");

    /**
     * Addresses first, then links up, so that each address's routes appear as the kernel makes
     * them. An up loopback is handled on its own: bringing {@code lo} up makes the kernel add
     * {@code 127.0.0.1/8} to it, so {@code lo} goes up first; when the document's first loopback
     * address is not exactly that one, the loopback's IPv4 addresses are flushed and the document's
     * added in order.
     */
    private void addressesAndUp(LabNamespace ns) {
      List<String[]> commands = new ArrayList<>();
      for (LabDevice dev : ns.devices()) {
        String path = devPath(ns, dev);
        List<LabAddress> addresses = dev.addresses();
        int first = 0;
        if (dev.kind() == LabDeviceKind.LOOPBACK && dev.up()) {
          commands.add(new String[] {path + ".up", "ip link set dev " + quote(dev.name()) + " up"});
          LabAddress automatic =
              new LabAddress(LOOPBACK_ADDRESS, null, AddressScope.HOST, dev.name(), 0);
          if (!addresses.isEmpty() && addresses.get(0).equals(automatic)) {
            first = 1;
          } else {
            commands.add(
                new String[] {path + ".addresses", "ip -4 addr flush dev " + quote(dev.name())});
          }
        }
        for (int a = first; a < addresses.size(); a++) {
          commands.add(
              new String[] {path + ".addresses[" + a + "]", addressCommand(dev, addresses.get(a))});
        }
      }
      for (LabDevice dev : ns.devices()) {
        if (dev.up() && dev.kind() != LabDeviceKind.LOOPBACK) {
          commands.add(
              new String[] {
                devPath(ns, dev) + ".up", "ip link set dev " + quote(dev.name()) + " up"
              });
        }
      }
      if (!commands.isEmpty()) {
        comment("addresses of " + ns.displayName() + ", then links up");
        commands.forEach(c -> emit(c[0], ns, c[1]));
      }
    }

    private static String addressCommand(LabDevice dev, LabAddress address) {
      StringBuilder command = new StringBuilder("ip addr add ").append(address.prefix());
      if (address.broadcast() != null) {
        command.append(" brd ").append(address.broadcast());
      }
      if (address.scope() != AddressScope.GLOBAL) {
        command.append(" scope ").append(address.scope().word());
      }
      if (!address.label().equals(dev.name())) {
        command.append(" label ").append(quote(address.label()));
      }
      if (address.metric() != 0) {
        command.append(" metric ").append(address.metric());
      }
      return command.append(" dev ").append(quote(dev.name())).toString();
    }

    // ---- routes ----

    private record RouteKey(int table, Ipv4Prefix destination, int metric) {
      static RouteKey of(LabRoute route) {
        return new RouteKey(route.table(), route.destination(), route.metric());
      }
    }

    private void routes(LabNamespace ns) {
      if (ns.routes().isEmpty()) {
        return;
      }
      Set<RouteKey> kernelKeys = kernelRouteKeys(ns);
      Map<RouteKey, List<Integer>> groups = new LinkedHashMap<>();
      for (int r = 0; r < ns.routes().size(); r++) {
        groups.computeIfAbsent(RouteKey.of(ns.routes().get(r)), k -> new ArrayList<>()).add(r);
      }
      List<List<Integer>> onLink = new ArrayList<>();
      List<List<Integer>> viaGateway = new ArrayList<>();
      for (List<Integer> group : groups.values()) {
        boolean gateway = group.stream().anyMatch(r -> ns.routes().get(r).gateway() != null);
        (gateway ? viaGateway : onLink).add(group);
      }
      comment("routes of " + ns.displayName());
      List<List<Integer>> ordered = new ArrayList<>(onLink);
      ordered.addAll(viaGateway);
      for (List<Integer> group : ordered) {
        for (int i = 0; i < group.size(); i++) {
          int r = group.get(i);
          LabRoute route = ns.routes().get(r);
          String verb =
              i > 0 ? "append" : kernelKeys.contains(RouteKey.of(route)) ? "replace" : "add";
          emit(nsPath(ns) + ".routes[" + r + "]", ns, "ip route " + verb + routeSpec(route));
        }
      }
    }

    /** Keys of routes the kernel may add for the namespace's addresses (a superset). */
    private static Set<RouteKey> kernelRouteKeys(LabNamespace ns) {
      Set<RouteKey> keys = new HashSet<>();
      for (LabDevice dev : ns.devices()) {
        for (LabAddress address : dev.addresses()) {
          for (int metric : new int[] {0, address.metric()}) {
            Ipv4Prefix network = address.prefix().network();
            keys.add(
                new RouteKey(
                    Route.TABLE_LOCAL, new Ipv4Prefix(address.prefix().address(), 32), metric));
            keys.add(
                new RouteKey(
                    Route.TABLE_LOCAL, new Ipv4Prefix(address.prefix().broadcast(), 32), metric));
            keys.add(new RouteKey(Route.TABLE_MAIN, network, metric));
            keys.add(new RouteKey(Route.TABLE_LOCAL, network, metric));
            if (address.broadcast() != null) {
              keys.add(
                  new RouteKey(Route.TABLE_LOCAL, new Ipv4Prefix(address.broadcast(), 32), metric));
            }
          }
        }
      }
      return keys;
    }

    private static String routeSpec(LabRoute route) {
      StringBuilder spec = new StringBuilder(" ");
      if (route.type() != RouteType.UNICAST) {
        spec.append(route.type().word()).append(' ');
      }
      spec.append(route.destination().length() == 0 ? "default" : route.destination().toString());
      if (route.gateway() != null) {
        spec.append(" via ").append(route.gateway());
      }
      if (route.device() != null) {
        spec.append(" dev ").append(quote(route.device()));
      }
      if (route.table() != LabRoute.defaultTable(route.type())) {
        spec.append(" table ").append(tableName(route.table()));
      }
      if (route.protocol() != RouteProtocol.BOOT) {
        spec.append(" proto ").append(route.protocol().word());
      }
      if (route.scope() != LabRoute.defaultScope(route.type(), route.gateway())) {
        spec.append(" scope ").append(route.scope().word());
      }
      if (route.source() != null) {
        spec.append(" src ").append(route.source());
      }
      if (route.metric() != 0) {
        spec.append(" metric ").append(route.metric());
      }
      if (route.onlink()) {
        spec.append(" onlink");
      }
      return spec.toString();
    }

    private static String tableName(int table) {
      return switch (table) {
        case Route.TABLE_MAIN -> "main";
        case Route.TABLE_LOCAL -> "local";
        case Route.TABLE_DEFAULT -> "default";
        default -> Integer.toString(table);
      };
    }

    // ---- neighbours ----

    private void neighbours(LabNamespace ns) {
      if (ns.neighbours().isEmpty()) {
        return;
      }
      comment("static neighbours of " + ns.displayName());
      for (int i = 0; i < ns.neighbours().size(); i++) {
        LabNeighbour entry = ns.neighbours().get(i);
        String path = nsPath(ns) + ".neighbours[" + i + "]";
        String command =
            switch (entry.kind()) {
              case PROXY ->
                  "ip neigh add proxy " + entry.address() + " dev " + quote(entry.device());
              case PERMANENT, NOARP ->
                  "ip neigh add "
                      + entry.address()
                      + (entry.lladdr() == null ? "" : " lladdr " + entry.lladdr())
                      + " dev "
                      + quote(entry.device())
                      + " nud "
                      + entry.kind().word()
                      + (entry.router() ? " router" : "");
            };
        emit(path, ns, command);
      }
    }
  }

  /** Quotes a name for bash when it holds anything but plain characters ({@code $}, quotes, …). */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9._@%+=:,/-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** The lines without comments, for running. */
  public List<Line> commands() {
    return lines.stream().filter(l -> !l.command().startsWith("#")).toList();
  }
}
