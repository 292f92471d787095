package io.packetwalk.engine;

import io.packetwalk.kernel.NetDevice;
import io.packetwalk.net.packet.EthernetFrame;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every frame each device sent or received, for {@code tcpdump}: the world keeps its latest {@value
 * #WORLD_LIMIT} frames over all devices, so neither a storm nor a long run can grow memory, and
 * each device numbers its frames so a reader learns how many it missed (tcpdump's "dropped by
 * kernel").
 */
final class Captures {

  /** Frames kept over all devices of one world; the oldest go first. */
  static final int WORLD_LIMIT = 2_048;

  /** A device's kept frames; {@code firstSeq} numbers the oldest one, {@code nextSeq} the next. */
  private static final class DeviceLog {
    private final ArrayDeque<CapturedFrame> frames = new ArrayDeque<>();
    private long firstSeq;

    long nextSeq() {
      return firstSeq + frames.size();
    }
  }

  /** What a reader gets: the frames since its cursor, how many it missed, and its next cursor. */
  record Read(List<CapturedFrame> frames, long dropped, long nextSeq) {}

  private final Map<NetDevice, DeviceLog> byDevice = new WeakHashMap<>();
  private final ArrayDeque<DeviceLog> oldestFirst = new ArrayDeque<>();

  void record(long timeNs, NetDevice dev, Direction direction, EthernetFrame frame) {
    DeviceLog log = byDevice.computeIfAbsent(dev, d -> new DeviceLog());
    log.frames.addLast(new CapturedFrame(timeNs, dev, direction, frame));
    oldestFirst.addLast(log);
    if (oldestFirst.size() > WORLD_LIMIT) {
      DeviceLog victim = oldestFirst.removeFirst();
      victim.frames.removeFirst();
      victim.firstSeq++;
    }
  }

  List<CapturedFrame> of(NetDevice dev) {
    DeviceLog log = byDevice.get(dev);
    return log == null ? List.of() : List.copyOf(log.frames);
  }

  /** The frames of {@code dev} numbered {@code fromSeq} or later that are still kept. */
  Read since(NetDevice dev, long fromSeq) {
    DeviceLog log = byDevice.get(dev);
    if (log == null) {
      return new Read(List.of(), 0, 0);
    }
    long from = Math.max(fromSeq, log.firstSeq);
    List<CapturedFrame> frames =
        log.frames.stream().skip(Math.min(from - log.firstSeq, log.frames.size())).toList();
    return new Read(frames, Math.max(0, log.firstSeq - fromSeq), log.nextSeq());
  }
}
