package io.packetwalk.lab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole lab, all its hosts and its underlay, as one bash script for one real Linux machine. Each
 * host becomes a network namespace named after it; its named namespaces become {@code HOST-NAME};
 * each underlay switch becomes a bridge {@code br0} in its own namespace {@code
 * pw-underlay-SWITCH}; each physical NIC becomes the host's end of a veth pair whose other end is a
 * port of its switch's bridge (an unplugged NIC's other end waits, down, in {@code pw-unplugged}).
 * The NIC end keeps the NIC's name, MAC and ifindex. After that each host's {@link LabScript} runs
 * with every namespace reference rewritten to these names.
 */
public final class WorldScript {

  /** The bridge of every underlay switch's namespace. */
  static final String SWITCH_BRIDGE = "br0";

  /** Where the cable ends of unplugged NICs wait. */
  static final String UNPLUGGED = "pw-unplugged";

  private final String text;
  private final List<LabProblem> problems;

  private WorldScript(String text, List<LabProblem> problems) {
    this.text = text;
    this.problems = List.copyOf(problems);
  }

  /** The namespace that stands for host {@code host}'s root namespace. */
  public static String hostNetns(String host) {
    return host;
  }

  /** The namespace that stands for namespace {@code netns} of host {@code host}. */
  public static String netnsOf(String host, String netns) {
    return netns.isEmpty() ? host : host + "-" + netns;
  }

  /** The namespace that holds underlay switch {@code name}'s bridge. */
  public static String switchNetns(String name) {
    return "pw-underlay-" + name;
  }

  /** The script of the whole lab (the document must be valid, see {@link LabValidator}). */
  public static WorldScript of(LabDocument document) {
    List<LabProblem> problems = new ArrayList<>(clashes(document));
    StringBuilder out = new StringBuilder(header(document));
    out.append("\n# hosts: one network namespace each\n");
    for (LabHost host : document.hosts()) {
      out.append("ip netns add ").append(LabScript.quote(hostNetns(host.name()))).append('\n');
    }
    if (!document.underlay().isEmpty()) {
      out.append("\n# underlay switches: a bridge in a namespace of its own\n");
      for (String sw : document.underlay()) {
        String in = "ip netns exec " + LabScript.quote(switchNetns(sw)) + " ";
        out.append("ip netns add ").append(LabScript.quote(switchNetns(sw))).append('\n');
        out.append(in).append("ip link add " + SWITCH_BRIDGE + " type bridge\n");
        out.append(in).append("ip link set dev " + SWITCH_BRIDGE + " up\n");
      }
    }
    cables(document, out);
    for (int h = 0; h < document.hosts().size(); h++) {
      LabHost host = document.hosts().get(h);
      String name = host.name();
      LabScript script =
          LabScript.of(
              document, h, new LabScript.Naming(hostNetns(name), netns -> netnsOf(name, netns)));
      problems.addAll(script.problems());
      out.append("\n# ---- host ").append(name).append(" ----\n");
      out.append(script.text());
    }
    return new WorldScript(out.toString(), problems);
  }

  /** The whole script. */
  public String text() {
    return text;
  }

  /** Why the script would not rebuild the lab exactly; empty when it will. */
  public List<LabProblem> problems() {
    return problems;
  }

  private static String header(LabDocument document) {
    return "#!/usr/bin/env bash\n"
        + "# Packetwalk lab \""
        + document.name().replaceAll("[\\r\\n]+", " ")
        + "\": "
        + count(document.hosts().size(), "host", "hosts")
        + " and "
        + count(document.underlay().size(), "underlay switch", "underlay switches")
        + " on one Linux machine (lab schemaVersion "
        + document.schemaVersion()
        + ").\n"
        + "# Each host is a network namespace named after it, and its namespaces are HOST-NAME.\n"
        + "# Each underlay switch is bridge "
        + SWITCH_BRIDGE
        + " in namespace pw-underlay-SWITCH; each physical NIC is\n"
        + "# a veth end in its host (with the NIC's name and MAC) whose peer is a port of that\n"
        + "# bridge. Run it as root in a fresh network namespace, so that the machine's own\n"
        + "# network is left alone, for example:\n"
        + "#   unshare --mount --net --pid --fork --mount-proc bash -c \\\n"
        + "#     'mkdir -p /run/netns && mount -t tmpfs tmpfs /run/netns && bash -e lab.sh'\n"
        + vlanNote(document);
  }

  /** Which hosts need a kernel with bridge VLAN filtering, when any does. */
  private static String vlanNote(LabDocument document) {
    List<String> hosts =
        document.hosts().stream().filter(LabHost::bridgeVlanFiltering).map(LabHost::name).toList();
    if (hosts.isEmpty()) {
      return "";
    }
    return "# Bridges of "
        + String.join(", ", hosts)
        + " filter VLANs: the machine's kernel needs CONFIG_BRIDGE_VLAN_FILTERING.\n";
  }

  /**
   * Every physical NIC, in ifindex order per host: a veth from its switch (or the waiting room).
   */
  private static void cables(LabDocument document, StringBuilder out) {
    Map<String, Integer> ports = new HashMap<>();
    boolean first = true;
    boolean unplugged = false;
    for (LabHost host : document.hosts()) {
      for (LabDevice nic : host.namespaces().get(0).devices()) {
        if (nic.kind() != LabDeviceKind.PHYSICAL) {
          continue;
        }
        if (first) {
          out.append("\n# physical NICs: the host's end of a veth whose peer is a switch port\n");
          first = false;
        }
        String place = nic.underlay() == null ? UNPLUGGED : switchNetns(nic.underlay());
        if (nic.underlay() == null && !unplugged) {
          out.append("ip netns add " + UNPLUGGED + "\n");
          unplugged = true;
        }
        String in = "ip netns exec " + LabScript.quote(place) + " ";
        String port = "port" + ports.merge(place, 1, Integer::sum);
        out.append(in)
            .append("ip link add ")
            .append(port)
            .append(" type veth peer name ")
            .append(LabScript.quote(nic.name()))
            .append(" address ")
            .append(nic.mac())
            .append(" netns ")
            .append(LabScript.quote(hostNetns(host.name())))
            .append('\n');
        if (nic.underlay() != null) {
          out.append(in).append("ip link set dev ").append(port).append(" master br0\n");
          out.append(in).append("ip link set dev ").append(port).append(" up\n");
        }
      }
    }
  }

  private static String count(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** Two namespaces that would get the same real name. */
  private static List<LabProblem> clashes(LabDocument document) {
    Map<String, String> owners = new HashMap<>();
    List<LabProblem> problems = new ArrayList<>();
    owners.put(UNPLUGGED, "the waiting room of unplugged NICs");
    for (int s = 0; s < document.underlay().size(); s++) {
      String sw = document.underlay().get(s);
      claim(
          owners,
          problems,
          switchNetns(sw),
          "underlay switch \"" + sw + "\"",
          "underlay[" + s + "]");
    }
    for (int h = 0; h < document.hosts().size(); h++) {
      LabHost host = document.hosts().get(h);
      for (int n = 0; n < host.namespaces().size(); n++) {
        LabNamespace ns = host.namespaces().get(n);
        String what =
            ns.isRoot()
                ? "host \"" + host.name() + "\""
                : "namespace \"" + ns.name() + "\" of host \"" + host.name() + "\"";
        claim(
            owners,
            problems,
            netnsOf(host.name(), ns.name()),
            what,
            "hosts[" + h + "].namespaces[" + n + "]");
      }
    }
    return problems;
  }

  private static void claim(
      Map<String, String> owners,
      List<LabProblem> problems,
      String real,
      String what,
      String path) {
    String before = owners.putIfAbsent(real, what);
    if (before != null) {
      problems.add(
          new LabProblem(
              path,
              what
                  + " would be network namespace \""
                  + real
                  + "\" in the one-machine script, as "
                  + before
                  + " already is; rename one of them"));
    }
  }
}
