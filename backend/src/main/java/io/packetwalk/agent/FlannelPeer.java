package io.packetwalk.agent;

import io.packetwalk.net.Ipv4Address;
import io.packetwalk.net.Ipv4Prefix;

/**
 * One other node's lease, as real flanneld learns it from etcd or the Kubernetes API: its pod
 * subnet and its public (underlay) address.
 */
public record FlannelPeer(Ipv4Prefix subnet, Ipv4Address publicIp) {}
