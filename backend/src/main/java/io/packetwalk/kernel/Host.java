package io.packetwalk.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One simulated machine (one kernel): a root namespace plus named namespaces. */
public final class Host {

  private final World world;
  private final String name;
  private final NetNamespace root;
  private final Map<String, NetNamespace> named = new LinkedHashMap<>();
  private final int sequence;
  private int namespacesMade;
  private final KernelLog kernelLog = new KernelLog();

  /** The host's devices by kind, in the order they were made, for work that visits one kind. */
  private final Map<Class<? extends DeviceKind>, Set<NetDevice>> byKind = new HashMap<>();

  private final Linkwatch linkwatch = new Linkwatch();

  private boolean bridgeVlanFiltering;

  Host(World world, String name, int sequence) {
    this.world = world;
    this.name = name;
    this.sequence = sequence;
    this.root = new NetNamespace(this, "", namespacesMade++);
  }

  public World world() {
    return world;
  }

  public String name() {
    return name;
  }

  /** The kernel log {@code dmesg} prints (LOG rules write to it). */
  public KernelLog kernelLog() {
    return kernelLog;
  }

  /**
   * Whether this kernel was built with CONFIG_BRIDGE_VLAN_FILTERING, as distribution kernels are.
   * Off by default, like the kernel the oracle runs on: its bridges have no VLANs at all, refuse
   * {@code vlan_filtering} and {@code bridge vlan add}, and print no VLAN attributes.
   */
  public boolean bridgeVlanFiltering() {
    return bridgeVlanFiltering;
  }

  /**
   * Builds the kernel with or without bridge VLAN filtering; only while no bridge exists, as a
   * kernel cannot change under running bridges.
   */
  public void setBridgeVlanFiltering(boolean on) {
    if (!devicesOf(DeviceKind.Bridge.class).isEmpty()) {
      throw new IllegalStateException("host " + name + " has bridges");
    }
    this.bridgeVlanFiltering = on;
  }

  /** This kernel's linkwatch, which every link change of its devices goes through. */
  Linkwatch linkwatch() {
    return linkwatch;
  }

  /**
   * The host's devices of one kind (bridges to age, VTEPs listening on a port), in the order they
   * were made, in whichever namespace they live now; the set is live and must not be changed.
   */
  public Set<NetDevice> devicesOf(Class<? extends DeviceKind> kind) {
    return Collections.unmodifiableSet(byKind.getOrDefault(kind, Set.of()));
  }

  void deviceRegistered(NetDevice dev) {
    byKind.computeIfAbsent(dev.kind().getClass(), k -> new LinkedHashSet<>()).add(dev);
  }

  void deviceUnregistered(NetDevice dev) {
    Set<NetDevice> devices = byKind.get(dev.kind().getClass());
    if (devices != null) {
      devices.remove(dev);
    }
  }

  /** Where the world lists this host: 0 for the first host made, then 1, 2, … */
  public int sequence() {
    return sequence;
  }

  public NetNamespace root() {
    return root;
  }

  /** Named namespaces in creation order. */
  public List<NetNamespace> namedNamespaces() {
    return List.copyOf(named.values());
  }

  /** The root namespace first, then the named ones in creation order. */
  public List<NetNamespace> namespaces() {
    List<NetNamespace> all = new ArrayList<>();
    all.add(root);
    all.addAll(named.values());
    return Collections.unmodifiableList(all);
  }

  public Optional<NetNamespace> netns(String netnsName) {
    if (netnsName == null || netnsName.isEmpty()) {
      return Optional.of(root);
    }
    return Optional.ofNullable(named.get(netnsName));
  }

  /** {@code ip netns add NAME}: EEXIST when the name is taken. */
  public NetNamespace addNetns(String netnsName) {
    if (netnsName.isEmpty() || named.containsKey(netnsName)) {
      throw new KernelException(Errno.EEXIST);
    }
    NetNamespace created = new NetNamespace(this, netnsName, namespacesMade++);
    named.put(netnsName, created);
    return created;
  }

  /**
   * {@code ip netns del NAME}: the namespace dies; its veth ends take their peers with them and
   * physical NICs return to the root namespace, as when the kernel frees a namespace.
   */
  public void deleteNetns(String netnsName) {
    NetNamespace dying = named.get(netnsName);
    if (dying == null) {
      throw new KernelException(Errno.ENOENT);
    }
    try (Linkwatch.Hold events = linkwatch.hold()) {
      for (NetDevice dev : dying.devices()) {
        if (dev.isLoopback() || dev.netns() != dying) {
          continue;
        }
        if (dev.kind() instanceof DeviceKind.Physical) {
          dying.moveDevice(dev, root);
        } else {
          dying.deleteDevice(dev);
        }
      }
      for (NetNamespace ns : namespaces()) {
        for (NetDevice dev : ns.devices()) {
          if (dev.kind() instanceof DeviceKind.Vxlan(VxlanState vxlan)
              && vxlan.underlay() == dying) {
            // vxlan_exit_batch: a VTEP moved elsewhere dies with the namespace its socket is in
            ns.deleteDevice(dev);
          }
        }
      }
      named.remove(netnsName);
      namespaces().forEach(ns -> ns.forgetPeer(dying));
    }
  }
}
