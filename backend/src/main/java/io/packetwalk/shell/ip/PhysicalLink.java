package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import java.util.List;

/** A host's own NIC, cabled to an underlay switch: comes with the host, has no info_kind. */
final class PhysicalLink implements LinkType {

  @Override
  public String name() {
    return "physical";
  }

  @Override
  public boolean creatable() {
    return false;
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 68, 9000, 1, null, 65536);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    throw new IllegalStateException("a host's NICs come with the host");
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    throw IpLink.unsimulated("type \"" + name() + "\" settings");
  }
}
