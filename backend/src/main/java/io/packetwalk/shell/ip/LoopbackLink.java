package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import java.util.List;

/** The loopback device: made with its namespace, link/loopback, no MTU bounds. */
final class LoopbackLink implements LinkType {

  @Override
  public String name() {
    return "loopback";
  }

  @Override
  public boolean creatable() {
    return false;
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("loopback", 0, 0, 1, null, 524280);
  }

  @Override
  public List<String> flagWords(NetDevice dev) {
    return List.of("LOOPBACK");
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    throw new IllegalStateException("lo is made with its namespace");
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    throw IpLink.unsimulated("type \"" + name() + "\" settings");
  }
}
