package io.packetwalk.kernel;

/**
 * A TUN/TAP device's driver state (struct tun_struct): its settings and how many descriptors have a
 * queue attached. The driver turns carrier on when the first queue attaches and off when the last
 * one detaches, so a device nobody reads has NO-CARRIER.
 */
public final class TunState {

  private TunConfig config;
  private int queues;

  TunState(TunConfig config) {
    this.config = config;
  }

  public TunConfig config() {
    return config;
  }

  void setPersist(boolean persist) {
    TunConfig c = config;
    config =
        new TunConfig(
            c.mode(),
            c.owner(),
            c.group(),
            c.packetInfo(),
            c.vnetHeader(),
            c.multiQueue(),
            c.oneQueue(),
            persist);
  }

  /** The number of attached queues (tun->numqueues): open descriptors on the device. */
  public int queues() {
    return queues;
  }

  void attach() {
    queues++;
  }

  void detach() {
    queues--;
  }

  public boolean isTun() {
    return config.mode() == TunConfig.Mode.TUN;
  }
}
