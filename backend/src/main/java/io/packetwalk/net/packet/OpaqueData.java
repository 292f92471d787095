package io.packetwalk.net.packet;

/** Application data the simulator does not look into: only its length counts. */
public record OpaqueData(int length) implements UdpPayload {

  public OpaqueData {
    if (length < 0) {
      throw new IllegalArgumentException("data length " + length + " is negative");
    }
  }
}
