package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.packet.EthernetFrame;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every frame each device sent or received, for {@code tcpdump}. Each device keeps its latest
 * {@value #PER_DEVICE_LIMIT} frames, so a storm cannot exhaust memory.
 */
final class Captures {

  static final int PER_DEVICE_LIMIT = 10_000;

  private final Map<NetDevice, Deque<CapturedFrame>> byDevice = new WeakHashMap<>();

  void record(long timeNs, NetDevice dev, Direction direction, EthernetFrame frame) {
    Deque<CapturedFrame> frames = byDevice.computeIfAbsent(dev, d -> new ArrayDeque<>());
    if (frames.size() == PER_DEVICE_LIMIT) {
      frames.removeFirst();
    }
    frames.addLast(new CapturedFrame(timeNs, dev, direction, frame));
  }

  List<CapturedFrame> of(NetDevice dev) {
    Deque<CapturedFrame> frames = byDevice.get(dev);
    return frames == null ? List.of() : List.copyOf(frames);
  }
}
