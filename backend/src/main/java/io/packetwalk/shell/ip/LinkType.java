package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import java.util.List;
import java.util.Optional;

/**
 * One device kind as {@code ip link} knows it: how {@code ip link add … type NAME ARGS} makes it,
 * how {@code ip link set DEV type NAME ARGS} changes it, and what {@code ip link} prints for it.
 * Every kind has one class implementing this, registered in {@link LinkTypes}.
 */
interface LinkType {

  /** The word after {@code type}; also the {@code ip link show type NAME} filter word. */
  String name();

  /** Whether {@code ip link add … type NAME} makes one (lo and a host's NICs come with it). */
  default boolean creatable() {
    return true;
  }

  /** The kind's fixed facts for this device. */
  KindFacts facts(NetDevice dev);

  /** The flags before UP and LOWER_UP, in iproute2's order. */
  default List<String> flagWords(NetDevice dev) {
    return List.of("BROADCAST", "MULTICAST");
  }

  /**
   * The namespace of a link that is no device of its own ({@link NetDevice#linkDevice} names the
   * ones that are): a VXLAN device moved out of the namespace its socket lives in links to that
   * namespace (shown as {@code @ifN link-netns NS} with its own index). Empty for every other kind.
   */
  default Optional<NetNamespace> foreignLinkNetns(NetDevice dev) {
    return Optional.empty();
  }

  /** {@code ip link add … type NAME ARGS}: makes and configures the device, or fails. */
  int add(LinkCreation creation, LinkRequest request);

  /**
   * {@code ip link set DEV type NAME ARGS}: parses the arguments now and returns the change to
   * apply at its place in do_setlink() order.
   */
  Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs);

  /** {@code ip -d link}: the kind's {@code info_data} attributes, if it has any. */
  default void infoData(IpPrinter p, NetDevice dev) {}

  /** Whether {@link #infoData} prints anything for this device. */
  default boolean hasInfoData(NetDevice dev) {
    return false;
  }

  /** The transmit queue length {@code qlen} prints (dev->tx_queue_len). */
  default int txQueueLength(NetDevice dev) {
    return 1000;
  }

  /** Whether the device has a link-layer address (and broadcast) to print after link/TYPE. */
  default boolean hasLinkAddress(NetDevice dev) {
    return true;
  }
}
