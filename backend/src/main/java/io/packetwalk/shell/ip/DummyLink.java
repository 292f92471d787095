package io.packetwalk.shell.ip;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.net.MacAddress;
import java.util.List;
import java.util.Optional;

/** {@code type dummy}: no arguments; BROADCAST,NOARP, no MTU bounds. */
final class DummyLink implements LinkType {

  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 0, 0, 1, "dummy", 524280);
  }

  @Override
  public List<String> flagWords(NetDevice dev) {
    return List.of("BROADCAST", "NOARP");
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    if (!request.typeArgs.isEmpty()) {
      throw LinkCreation.garbage(request.typeArgs.get(0));
    }
    LinkCreation.checkUnsimulated(request);
    NetNamespace home = creation.targetNetns(request);
    String name = LinkCreation.newName(request, home, "dummy%d");
    Optional<MacAddress> mac = LinkCreation.createMac(request);
    NetDevice dummy = LinkCreation.kernel(() -> home.addDummy(name));
    creation.configureNew(dummy, request, mac);
    return 0;
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    if (!typeArgs.isEmpty()) {
      throw LinkCreation.garbage(typeArgs.get(0));
    }
    return () -> {};
  }
}
