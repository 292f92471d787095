/**
 * User-space processes as agents write them: an {@link io.packetwalk.engine.process.Agent} (say
 * flanneld) is started in a namespace with {@code Simulator.spawn}, opens file descriptors through
 * its {@link io.packetwalk.engine.process.Syscalls} and reacts when one becomes readable; the
 * engine runs its handlers at virtual time and traces each packet crossing into user space ({@code
 * USERSPACE_READ}) and back ({@code USERSPACE_WRITE}).
 *
 * <p>flanneld's UDP backend, for instance: {@code bindUdp(8285, handler)} gives a {@link
 * io.packetwalk.engine.process.UdpSocket}; the handler gets each {@link
 * io.packetwalk.engine.process.ReceivedDatagram} whose payload is a {@code CarriedIpPacket} and
 * writes the inner packet to its TUN descriptor. A TUN descriptor is one more {@link
 * io.packetwalk.engine.process.FileDescriptor}: a new {@code Syscalls} method opens it on a TUN
 * device, the engine queues to it each packet the kernel transmits on the device (the process reads
 * it in its handler), and its write method hands a packet back to the kernel as received on the
 * device — the same read and write steps the UDP socket records.
 */
package io.packetwalk.engine.process;
