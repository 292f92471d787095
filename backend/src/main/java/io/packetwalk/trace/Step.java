package io.packetwalk.trace;

import io.packetwalk.net.packet.Packet;
import java.util.List;

/**
 * One step of a trace. {@code causeSeq} is the step that led to this one (null for the first);
 * {@code packet} is the packet after the step (a frame on links, an IPv4 packet inside the stack);
 * {@code disposition} is set only when a packet's life ends here; {@code details} are lines a
 * reader can expand (the rules a folded step stands for).
 */
public record Step(
    int seq,
    Integer causeSeq,
    long timeNs,
    Location location,
    StepKind kind,
    String sentence,
    Packet packet,
    Disposition disposition,
    List<StateChange> changes,
    List<String> details) {

  public Step(
      int seq,
      Integer causeSeq,
      long timeNs,
      Location location,
      StepKind kind,
      String sentence,
      Packet packet,
      Disposition disposition,
      List<StateChange> changes) {
    this(seq, causeSeq, timeNs, location, kind, sentence, packet, disposition, changes, List.of());
  }

  public Step {
    if (sentence == null || sentence.isBlank()) {
      throw new IllegalArgumentException("every step needs a sentence");
    }
    changes = List.copyOf(changes);
    details = List.copyOf(details);
  }
}
