package io.packetwalk.stream;

import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live labs this instance holds, by saved lab id: a lab is opened when its first tab here joins
 * and dropped when its last leaves. Changes go to the shared {@link LiveLog} and a short message on
 * the {@link LiveBus} ({@code e|lab|seq}) tells every instance to apply them; a presenter's step
 * goes on the bus alone ({@code p|lab|seq|step|presenter}). Thread-safe.
 */
final class LiveLabs {

  private static final Logger log = LoggerFactory.getLogger(LiveLabs.class);

  private final String instance = HexFormat.of().formatHex(random(6));
  private final Map<String, LiveLab> labs = new ConcurrentHashMap<>();
  private final LiveLog entries;
  private final LiveBus bus;
  private final SavedLabs saved;
  private final LabSession.Run run;

  LiveLabs(LiveLog entries, LiveBus bus, SavedLabs saved, LabSession.Run run) {
    this.entries = entries;
    this.bus = bus;
    this.saved = saved;
    this.run = run;
    bus.subscribe(this::heard);
  }

  /** A key for a tab of this instance, unique across instances: its origin in the log. */
  String memberKey(String connection) {
    return instance + "/" + connection;
  }

  /** The lab's live world here, opened from {@code opened} (the newest version) if need be. */
  synchronized LiveLab join(
      SavedLabs.Found opened, LiveMember member, java.util.function.Consumer<LabSession> welcome) {
    LiveLab lab =
        labs.computeIfAbsent(opened.labId(), id -> LiveLab.open(opened, entries, saved, run));
    lab.join(member, welcome);
    return lab;
  }

  synchronized void leave(LiveLab lab, LiveMember member) {
    if (lab.leave(member)) {
      labs.remove(lab.labId(), lab);
    }
  }

  /** Logs a change, tells every instance, and applies it here (answering {@code member}). */
  void change(LiveLab lab, ClientMessage change, LiveMember member) {
    long seq = lab.submit(change, member);
    bus.publish("e|" + lab.labId() + "|" + seq);
    lab.catchUp();
  }

  /** Tells every instance's followers that the presenter moved. */
  void present(LiveLab lab, long seq, int step, LiveMember presenter) {
    bus.publish("p|" + lab.labId() + "|" + seq + "|" + step + "|" + presenter.key());
  }

  LiveBus bus() {
    return bus;
  }

  private void heard(String message) {
    String[] parts = message.split("\\|", -1);
    LiveLab lab = parts.length >= 3 ? labs.get(parts[1]) : null;
    if (lab == null) {
      return;
    }
    // On the bus's one thread, so that a presenter's steps reach followers in the order taken.
    try {
      if (parts[0].equals("e")) {
        lab.catchUp();
      } else if (parts[0].equals("p") && parts.length == 5) {
        lab.presented(Long.parseLong(parts[2]), Integer.parseInt(parts[3]), parts[4]);
      }
    } catch (RuntimeException e) {
      log.warn("Live lab {} could not apply \"{}\": {}", parts[1], message, e.toString());
    }
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return value;
  }
}
