package io.packetwalk.stream;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.CommandResult;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditOutcome;
import io.packetwalk.stream.protocol.Protocol.EditResult;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.LiveEdit;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.PresenterStep;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TopologyView;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.stream.protocol.Protocol.TraceStep;
import io.packetwalk.stream.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One saved lab's live world on this instance: the world of a saved version (its base) with the
 * lab's edit log entries applied in log order, the tabs in it, the traces its probes made (for
 * followers) and where the presenter is. A change is not applied where it arrives: it is appended
 * to the log and applied when this instance reaches its number, like every other instance does, so
 * that all copies of the world see the same changes in the same order. The tab that sent a change
 * gets the answers it would get from its own lab; the others get what changed. Thread-safe.
 */
final class LiveLab {

  /** Traces kept for followers who start following later. */
  private static final int KEPT_TRACES = 16;

  /** How often a replay waits for a busy server before it gives up on an entry. */
  private static final int BUSY_RETRIES = 50;

  private static final long BUSY_WAIT_MS = 200;

  private final String labId;
  private final LiveLog log;
  private final SavedLabs saved;
  private final LabSession.Run run;
  private final Set<LiveMember> members = ConcurrentHashMap.newKeySet();
  private final Map<Long, LiveMember> waiting = new HashMap<>();
  private final Map<Long, List<ServerMessage>> traces = bounded(KEPT_TRACES);
  private final Map<String, Long> traceIds = bounded(256);
  private LabSession session;
  private int base;
  private long applied;
  private long presentedTrace = -1;
  private int presentedStep = -1;

  private LiveLab(String labId, LiveLog log, SavedLabs saved, LabSession.Run run) {
    this.labId = labId;
    this.log = log;
    this.saved = saved;
    this.run = run;
  }

  /**
   * The live world of the lab {@code opened} belongs to: the version the newest log entry applies
   * to with that version's entries, or {@code opened} (the newest version) when there are none or
   * it was saved after the newest entry (a save or restore starts the live world afresh).
   */
  static LiveLab open(SavedLabs.Found opened, LiveLog log, SavedLabs saved, LabSession.Run run) {
    LiveLab lab = new LiveLab(opened.labId(), log, saved, run);
    var newest = log.newest(opened.labId());
    if (newest.isPresent() && !opened.savedAt().isAfter(newest.get().at())) {
      lab.rebuild(newest.get().base(), newest.get().seq() + 1);
      lab.applied = newest.get().seq();
    } else {
      lab.session = build(opened);
      lab.base = opened.version();
      lab.applied = newest.map(LiveLog.Entry::seq).orElse(0L);
    }
    return lab;
  }

  String labId() {
    return labId;
  }

  /** The world the tabs share; its methods take its own lock. */
  synchronized LabSession session() {
    return session;
  }

  /**
   * Adds a tab, after applying what the log holds: {@code welcome} is sent the lab as it is then,
   * before anything that changes after.
   */
  synchronized void join(LiveMember member, java.util.function.Consumer<LabSession> welcome) {
    catchUp();
    welcome.accept(session);
    members.add(member);
  }

  /** Removes a tab; true when it was the last. */
  synchronized boolean leave(LiveMember member) {
    members.remove(member);
    return members.isEmpty();
  }

  /**
   * Appends a change from {@code member} to the log (it is applied, and answered, when this
   * instance reaches it) and returns its number.
   */
  synchronized long submit(ClientMessage change, LiveMember member) {
    long seq = log.append(labId, base, member.key(), LiveEvents.write(change));
    waiting.put(seq, member);
    return seq;
  }

  /** Applies the log's entries this instance has not applied yet, in order. */
  synchronized void catchUp() {
    for (LiveLog.Entry entry : log.after(labId, applied)) {
      if (entry.base() != base) {
        List<LiveMember> everyone = List.copyOf(members);
        TopologyView before = session.topology();
        rebuild(entry.base(), entry.seq());
        TopologyChange change = TopologyChanges.between(before, session.topology());
        if (!change.isEmpty()) {
          everyone.forEach(m -> m.deliver(List.of(change)));
        }
      }
      apply(entry);
      applied = entry.seq();
    }
  }

  /**
   * The presenter ({@code presenter}, an origin key) is on step {@code step} of the trace made by
   * entry {@code seq}: followers other than the presenter are sent the trace (once) and the step.
   */
  synchronized void presented(long seq, int step, String presenter) {
    catchUp();
    if (!traces.containsKey(seq)) {
      return;
    }
    presentedTrace = seq;
    presentedStep = step;
    for (LiveMember member : members) {
      if (member.following() && !member.key().equals(presenter)) {
        sendPresented(member);
      }
    }
  }

  /** A tab starts or stops following; one that starts is sent where the presenter is. */
  synchronized void follow(LiveMember member, boolean following) {
    member.follow(following);
    if (following && presentedTrace >= 0) {
      sendPresented(member);
    }
  }

  /**
   * The log number of the trace a presenter names: {@code live:N} as followers got it, or a request
   * id under which this tab's own probe was answered.
   */
  synchronized long traceOf(LiveMember member, String trace) {
    Long seq = null;
    if (trace.startsWith("live:")) {
      try {
        seq = Long.parseLong(trace.substring("live:".length()));
      } catch (NumberFormatException e) {
        seq = null;
      }
    } else {
      seq = traceIds.get(member.key() + "/" + trace);
    }
    if (seq == null || !traces.containsKey(seq)) {
      throw new ProtocolException(
          null,
          ErrorReason.INVALID_FIELD,
          "The trace \""
              + trace
              + "\" is not one of this live lab's recent traces; run a probe, then present it.");
    }
    return seq;
  }

  private void sendPresented(LiveMember member) {
    List<ServerMessage> out = new ArrayList<>();
    if (member.sentTrace() != presentedTrace) {
      out.addAll(traces.get(presentedTrace));
      member.sentTrace(presentedTrace);
    }
    out.add(new PresenterStep(traceName(presentedTrace), presentedStep));
    member.deliver(out);
  }

  private void apply(LiveLog.Entry entry) {
    LiveMember origin = waiting.remove(entry.seq());
    List<ServerMessage> answers = new ArrayList<>();
    ClientMessage change = LiveEvents.read(entry.body());
    try {
      simulate(change, answers);
    } catch (ProtocolException e) {
      answers.add(e.error());
    }
    if (origin != null) {
      origin.deliver(answers);
    }
    keepTrace(entry.seq(), answers, origin);
    List<ServerMessage> others = forOthers(entry.seq(), change, answers);
    for (LiveMember member : members) {
      if (member != origin) {
        member.deliver(others);
      }
    }
  }

  private void simulate(ClientMessage change, List<ServerMessage> out) {
    for (int attempt = 0; ; attempt++) {
      try {
        switch (change) {
          case Command command -> session.command(command, run, out::add);
          case Edit edit -> session.edit(edit, run, out::add);
          case Ping ping -> session.ping(ping, run, out::add);
          case Place place -> session.place(place);
          default -> {}
        }
        return;
      } catch (ProtocolException e) {
        if (e.error().reason() != ErrorReason.SERVER_BUSY || attempt >= BUSY_RETRIES) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(BUSY_WAIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the other tabs are told: the command log entry, then the topology change. */
  private static List<ServerMessage> forOthers(
      long seq, ClientMessage change, List<ServerMessage> answers) {
    List<ServerMessage> out = new ArrayList<>();
    for (ServerMessage answer : answers) {
      switch (answer) {
        case CommandResult r when change instanceof Command c ->
            out.add(
                new LiveEdit(
                    seq,
                    "ran a command",
                    List.of(
                        new EditOutcome(c.netns(), c.line(), r.exit(), r.stdout(), r.stderr()))));
        case EditResult r when r.applied() -> out.add(new LiveEdit(seq, r.label(), r.commands()));
        case TopologyChange t -> out.add(t);
        default -> {}
      }
    }
    return out;
  }

  /** Keeps a probe's trace under {@code live:seq}, and which request id its sender knows it by. */
  private void keepTrace(long seq, List<ServerMessage> answers, LiveMember origin) {
    String name = traceName(seq);
    List<ServerMessage> trace = new ArrayList<>();
    String requestId = null;
    for (ServerMessage answer : answers) {
      switch (answer) {
        case TraceStart s -> {
          requestId = s.requestId();
          trace.add(new TraceStart(name, s.title()));
        }
        case TraceStep s -> trace.add(new TraceStep(name, s.step()));
        case TraceEnd e ->
            trace.add(
                new TraceEnd(
                    name, e.stepCount(), e.omittedSteps(), e.outcome(), e.exit(), e.stopped()));
        default -> {}
      }
    }
    if (trace.isEmpty()) {
      return;
    }
    traces.put(seq, trace);
    if (origin != null) {
      traceIds.put(origin.key() + "/" + requestId, seq);
    }
  }

  static String traceName(long seq) {
    return "live:" + seq;
  }

  /** The world of version {@code version} with its entries numbered below {@code before}. */
  private void rebuild(int version, long before) {
    SavedLabs.Opening opening = saved.stored(labId, version);
    if (!(opening instanceof SavedLabs.Found found)) {
      throw new IllegalStateException(
          "Version " + version + " of live lab " + labId + " cannot be read: " + opening);
    }
    session = build(found);
    base = version;
    for (LiveLog.Entry entry : log.after(labId, 0)) {
      if (entry.seq() >= before) {
        break;
      }
      if (entry.base() == version) {
        try {
          simulate(LiveEvents.read(entry.body()), new ArrayList<>());
        } catch (ProtocolException e) {
          // refused where it was first applied too: it changed nothing there either
        }
      }
    }
  }

  private static LabSession build(SavedLabs.Found found) {
    LabBuilder.Result built = LabBuilder.build(found.document());
    if (built.world() == null) {
      throw new ProtocolException(
          null,
          ErrorReason.SIMULATION_FAILED,
          "The saved lab cannot be built (" + built.problems().getFirst().message() + ").");
    }
    return new LabSession(found.document(), built.world(), false);
  }

  private static <K, V> Map<K, V> bounded(int size) {
    return new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > size;
      }
    };
  }
}
