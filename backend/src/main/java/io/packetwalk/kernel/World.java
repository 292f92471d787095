package io.packetwalk.kernel;

import io.packetwalk.net.MacAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Everything simulated: hosts (kernels), the underlay switches between them, the virtual clock and
 * the seeded random source. Same seed and same commands give the same world, byte for byte.
 */
public final class World {

  public static final String DEFAULT_HOST = "host1";
  public static final long DEFAULT_SEED = 0x5eed_0001L;

  private final Map<String, Host> hosts = new LinkedHashMap<>();
  private final Map<String, UnderlaySwitch> switches = new LinkedHashMap<>();
  private final SplittableRandom random;
  private long nowNs;

  public World(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A fresh world with one host whose root namespace holds only {@code lo}, like a new netns. */
  public static World withOneHost() {
    World world = new World(DEFAULT_SEED);
    world.addHost(DEFAULT_HOST);
    return world;
  }

  public Host addHost(String name) {
    if (hosts.containsKey(name)) {
      throw new KernelException(Errno.EEXIST);
    }
    Host host = new Host(this, name, hosts.size());
    hosts.put(name, host);
    return host;
  }

  public List<Host> hosts() {
    return List.copyOf(hosts.values());
  }

  public Optional<Host> host(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  /** The first host (the only one in a single-host world). */
  public Host defaultHost() {
    return hosts.values().iterator().next();
  }

  public UnderlaySwitch addSwitch(String name) {
    if (switches.containsKey(name)) {
      throw new KernelException(Errno.EEXIST);
    }
    UnderlaySwitch created = new UnderlaySwitch(name);
    switches.put(name, created);
    return created;
  }

  public List<UnderlaySwitch> switches() {
    return List.copyOf(switches.values());
  }

  /** A random locally administered MAC from the world's seeded generator. */
  public MacAddress randomMac() {
    return MacAddress.random(random);
  }

  /** The seeded random source for anything else the kernel randomises (ports, ids, timers). */
  public SplittableRandom random() {
    return random;
  }

  /** Virtual time in nanoseconds since the world began. */
  public long now() {
    return nowNs;
  }

  /** Moves virtual time forward (never back). */
  public void advanceTo(long timeNs) {
    if (timeNs < nowNs) {
      throw new IllegalArgumentException("virtual time cannot go back");
    }
    nowNs = timeNs;
  }
}
