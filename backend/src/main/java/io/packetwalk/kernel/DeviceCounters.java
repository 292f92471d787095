package io.packetwalk.kernel;

/** Per-device packet and byte counters ({@code ip -s link}). */
public final class DeviceCounters {

  private long rxPackets;
  private long rxBytes;
  private long rxDropped;
  private long txPackets;
  private long txBytes;
  private long txDropped;

  public void received(int bytes) {
    rxPackets++;
    rxBytes += bytes;
  }

  public void transmitted(int bytes) {
    txPackets++;
    txBytes += bytes;
  }

  public void droppedOnReceive() {
    rxDropped++;
  }

  public void droppedOnTransmit() {
    txDropped++;
  }

  public long rxPackets() {
    return rxPackets;
  }

  public long rxBytes() {
    return rxBytes;
  }

  public long rxDropped() {
    return rxDropped;
  }

  public long txPackets() {
    return txPackets;
  }

  public long txBytes() {
    return txBytes;
  }

  public long txDropped() {
    return txDropped;
  }
}
