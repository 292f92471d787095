package io.packetwalk.trace;

/**
 * Where a step happened: host, namespace ("" for the host's root namespace) and, when the step
 * belongs to one, the device.
 */
public record Location(String host, String netns, String device) {

  public Location {
    if (host == null || netns == null) {
      throw new IllegalArgumentException("a location needs a host and a namespace");
    }
  }

  public static Location of(String host, String netns) {
    return new Location(host, netns, null);
  }

  public Location withDevice(String deviceName) {
    return new Location(host, netns, deviceName);
  }
}
