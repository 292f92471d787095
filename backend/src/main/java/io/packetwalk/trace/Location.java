package io.packetwalk.trace;

/**
 * Where a step happened: host, namespace ("" for the host's root namespace), the device when the
 * step belongs to one, and the place in netfilter when the step happened there.
 */
public record Location(String host, String netns, String device, NetfilterPlace netfilter) {

  public Location {
    if (host == null || netns == null) {
      throw new IllegalArgumentException("a location needs a host and a namespace");
    }
  }

  public Location(String host, String netns, String device) {
    this(host, netns, device, null);
  }

  public static Location of(String host, String netns) {
    return new Location(host, netns, null, null);
  }

  public Location withDevice(String deviceName) {
    return new Location(host, netns, deviceName, netfilter);
  }

  public Location in(NetfilterPlace place) {
    return new Location(host, netns, device, place);
  }
}
