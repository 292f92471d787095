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
 * writes the inner packet to its {@link io.packetwalk.engine.process.TunFile}. {@code
 * openTun("flannel0", TUN, handler)} attaches to the TUN device (creating it when missing), which
 * gives the device carrier; the engine queues to it each packet the kernel transmits on the device
 * (the {@link io.packetwalk.engine.process.TunHandler} reads it), and {@code write} hands a packet
 * back to the kernel as received on the device — the same read and write steps the UDP socket
 * records. {@code discard} ends a packet the program read and threw away with a step saying why.
 * When the process exits ({@code Simulator.kill}) its descriptors close: the device loses carrier,
 * and one the process created goes away. {@code io.packetwalk.agent.FlanneldUdp} is the first agent
 * that uses all of this.
 */
package io.packetwalk.engine.process;
