package io.packetwalk.lab;

/** The other end of a veth: its namespace ({@code ""} for the root) and device name. */
public record LabPeer(String netns, String device) {

  public LabPeer {
    Names.checkNetns("netns", netns);
    Names.checkDevice("device", device);
  }
}
