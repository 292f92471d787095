package io.packetwalk.shell.ip;

import io.packetwalk.kernel.Errno;
import io.packetwalk.kernel.KernelException;
import io.packetwalk.kernel.NetDevice;
import io.packetwalk.kernel.NetNamespace;
import io.packetwalk.kernel.VethPair;
import io.packetwalk.net.MacAddress;
import io.packetwalk.shell.ToolFailure;
import java.util.List;
import java.util.Optional;

/** {@code type veth [peer name NAME …]}: a pair of devices, each printed as NAME@PEER. */
final class VethLink implements LinkType {

  @Override
  public String name() {
    return "veth";
  }

  @Override
  public KindFacts facts(NetDevice dev) {
    return new KindFacts("ether", 68, 65535, 2, "veth", 524280);
  }

  @Override
  public int add(LinkCreation creation, LinkRequest request) {
    LinkRequest peer = new LinkRequest();
    List<String> typeArgs = request.typeArgs;
    if (!typeArgs.isEmpty()) {
      if (!typeArgs.get(0).equals("peer")) {
        creation.context().print(IpUsage.VETH);
        return 1;
      }
      IprouteArgs peerArgs = new IprouteArgs(typeArgs.subList(1, typeArgs.size()));
      peer = LinkRequest.parse(peerArgs, false, creation::exists);
      if (peerArgs.hasNext() && IprouteArgs.matches(peerArgs.peek(), "type")) {
        throw IprouteArgs.duparg("type", peerArgs.peek());
      }
    }
    LinkCreation.checkUnsimulated(request);
    LinkCreation.checkUnsimulated(peer);
    NetNamespace devHome = creation.targetNetns(request);
    NetNamespace peerHome =
        peer.netns == null ? creation.context().netns() : creation.resolveNetns(peer.netns);
    String devName = request.newName();
    if (devName != null) {
      LinkCreation.checkNameFits(devName);
    }
    String peerName = peer.newName();
    if (peerName != null) {
      LinkCreation.checkNameFits(peerName);
    }
    if (devName != null && devHome.device(devName).isPresent()) {
      throw IprouteArgs.rtnetlink(new KernelException(Errno.EEXIST));
    }
    LinkRequest peerAttrs = typeArgs.isEmpty() ? request : peer;
    if (peerName == null) {
      peerName = LinkCreation.freeName(peerHome, "veth%d", null);
    }
    if (devName == null) {
      devName = LinkCreation.freeName(devHome, "veth%d", devHome == peerHome ? peerName : null);
    }
    Optional<MacAddress> devMac = LinkCreation.createMac(request);
    Optional<MacAddress> peerMac = LinkCreation.createMac(peerAttrs);
    LinkCreation.checkCreateMtu(request.mtu);
    LinkCreation.checkCreateMtu(peerAttrs.mtu);
    String first = devName;
    String second = peerName;
    VethPair pair = LinkCreation.kernel(() -> devHome.addVeth(first, second, peerHome));
    creation.configureNew(pair.second(), peerAttrs, peerMac);
    creation.configureNew(pair.first(), request, devMac);
    return 0;
  }

  @Override
  public Runnable change(LinkCreation creation, NetDevice dev, List<String> typeArgs) {
    if (!typeArgs.isEmpty()) {
      creation.context().print(IpUsage.VETH);
      throw new ToolFailure(1, "");
    }
    return () -> {};
  }
}
