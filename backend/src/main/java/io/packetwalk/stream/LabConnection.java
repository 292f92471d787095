package io.packetwalk.stream;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.store.LabDocumentCodec;
import io.packetwalk.stream.protocol.MessageDecoder;
import io.packetwalk.stream.protocol.MessageEncoder;
import io.packetwalk.stream.protocol.Protocol;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.ExportLab;
import io.packetwalk.stream.protocol.Protocol.Follow;
import io.packetwalk.stream.protocol.Protocol.Hello;
import io.packetwalk.stream.protocol.Protocol.Inspect;
import io.packetwalk.stream.protocol.Protocol.LabDocumentReply;
import io.packetwalk.stream.protocol.Protocol.LiveInfo;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.Present;
import io.packetwalk.stream.protocol.Protocol.SavedProbe;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.SessionToken;
import io.packetwalk.stream.protocol.Protocol.Welcome;
import io.packetwalk.stream.protocol.ProtocolException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket connection: joins message fragments (refusing messages over the size limit without
 * buffering them), handles each message in arrival order through its {@link Mailbox}, and sends the
 * answers itself, so a client that stops reading holds up only its own connection until the send
 * time limit closes it (4004). Every refusal is answered with an error message; the connection
 * stays open.
 */
final class LabConnection {

  /** Messages that may wait behind the one being handled before new ones are refused. */
  static final int MAX_QUEUED_MESSAGES = 32;

  private static final Logger log = LoggerFactory.getLogger(LabConnection.class);

  private final WebSocketSession session;
  private final LabServer server;
  private final String address;
  private final Mailbox mailbox;

  /** Thread-safe, and heavy enough (a JSON mapper each) to share between all connections. */
  private static final MessageDecoder DECODER = new MessageDecoder();

  private static final MessageEncoder ENCODER = new MessageEncoder();

  private static final LabDocumentCodec CODEC = new LabDocumentCodec();

  private final StringBuilder fragments = new StringBuilder();
  private long incomingLength;
  private boolean incomingTooLarge;
  private volatile long lastHeardNs;
  private volatile boolean closed;
  private LabRegistry.Entry lab;
  private LiveLab liveLab;
  private LiveMember member;

  LabConnection(WebSocketSession session, LabServer server, String address) {
    this.session = session;
    this.server = server;
    this.address = address;
    this.mailbox = new Mailbox(MAX_QUEUED_MESSAGES, "lab-" + session.getId());
    this.lastHeardNs = System.nanoTime();
  }

  String address() {
    return address;
  }

  long lastHeardNs() {
    return lastHeardNs;
  }

  boolean isClosed() {
    return closed;
  }

  /** A text fragment arrived; {@code last} ends the message. Called by one thread at a time. */
  void receiveText(String fragment, boolean last) {
    lastHeardNs = System.nanoTime();
    incomingLength += fragment.length();
    if (!incomingTooLarge && incomingLength > MessageDecoder.MAX_MESSAGE_CHARS) {
      incomingTooLarge = true;
      fragments.setLength(0);
    }
    if (!incomingTooLarge) {
      fragments.append(fragment);
    }
    if (!last) {
      return;
    }
    String text = fragments.toString();
    boolean tooLarge = incomingTooLarge;
    long length = incomingLength;
    fragments.setLength(0);
    incomingLength = 0;
    incomingTooLarge = false;
    if (tooLarge) {
      submit(() -> send(MessageDecoder.tooLarge(length).error()));
    } else {
      submit(() -> handle(text));
    }
  }

  /** A binary fragment arrived: not part of the protocol, refused once the message ends. */
  void receiveBinary(boolean last) {
    lastHeardNs = System.nanoTime();
    if (last) {
      submit(() ->
          send(
              new ProtocolException(
                      null,
                      ErrorReason.MALFORMED_JSON,
                      "Binary messages are not part of the protocol; send each message as"
                          + " JSON text.")
                  .error()));
    }
  }

  /** Closes the connection with {@code status}; its lab is parked for a resume. */
  void close(CloseStatus status) {
    closed = true;
    try {
      session.close(status);
    } catch (IOException | RuntimeException e) {
      log.debug("Closing connection {} failed: {}", session.getId(), e.toString());
    }
  }

  /** The connection is gone: queued messages are dropped and running work is cancelled. */
  void closed() {
    closed = true;
    mailbox.close();
    LabRegistry.Entry parked = lab;
    if (parked != null) {
      server.registry().park(parked, this);
    }
    leaveLive();
  }

  /** Queues messages from a live lab behind what this connection is sending; too many close it. */
  private void deliver(List<ServerMessage> messages) {
    if (!mailbox.offer(() -> messages.forEach(this::send)) && !closed) {
      close(LabServer.TOO_SLOW);
    }
  }

  private synchronized void leaveLive() {
    if (liveLab != null) {
      server.live().leave(liveLab, member);
      liveLab = null;
      member = null;
    }
  }

  private void submit(Runnable task) {
    if (!mailbox.offer(task) && !closed) {
      send(
          new ProtocolException(
                  null,
                  ErrorReason.SIMULATION_FAILED,
                  MAX_QUEUED_MESSAGES
                      + " messages are already waiting on this connection; wait for their"
                      + " answers before sending more.")
              .error());
    }
  }

  private void handle(String text) {
    try {
      ClientMessage message = DECODER.decode(text);
      switch (message) {
        case Hello hello -> welcome(hello);
        case Ping ping -> {
          if (!changeLive(ping, ping.requestId(), "probes")) {
            labSession().ping(ping, run(), this::send);
          }
        }
        case Command command -> command(command);
        case ExportLab export -> exportLab(export);
        case Edit edit -> edit(edit);
        case Place place -> place(place);
        case Inspect inspect -> send(labSession().inspect(inspect));
        case Present present -> present(present);
        case Follow follow -> live("follow").follow(member, follow.following());
      }
    } catch (ProtocolException e) {
      send(e.error());
    } catch (RuntimeException e) {
      log.warn("Unexpected failure on connection {}: {}", session.getId(), e.toString());
      send(
          new ProtocolException(
                  null,
                  ErrorReason.SIMULATION_FAILED,
                  "The server failed to handle the message (" + e + "); the log has the details.")
              .error());
    }
  }

  private void welcome(Hello hello) {
    if (lab == null && hello.shared() != null && hello.shared().version() == null) {
      switch (server.savedLabs().open(hello.shared().id(), hello.shared().secret(), null)) {
        case SavedLabs.Found found -> {
          try {
            joinLive(found);
          } catch (ProtocolException e) {
            defaultLab(e.error().message() + " This is the default lab.");
          }
          return;
        }
        case SavedLabs.Refused refused -> {
          defaultLab(refused.reason() + " This is the default lab.");
          return;
        }
      }
    }
    LabRegistry registry = server.registry();
    String notice = null;
    boolean resumed = false;
    if (hello.resume() != null) {
      var found = registry.resume(hello.resume(), this);
      if (found.isPresent()) {
        if (lab != null && lab != found.get().entry()) {
          registry.park(lab, this);
        }
        lab = found.get().entry();
        resumed = true;
        LabConnection previous = found.get().previousOwner();
        if (previous != null) {
          previous.close(LabServer.REPLACED);
        }
      } else {
        notice =
            "The lab this tab had is no longer kept (a lab waits "
                + minutes(server.properties().resumeWindow().toMinutes())
                + " after its tab disconnects, and not across server restarts); this is a fresh"
                + " copy of the built-in lab.";
      }
    }
    if (lab == null && hello.shared() != null) {
      switch (server
          .savedLabs()
          .open(hello.shared().id(), hello.shared().secret(), hello.shared().version())) {
        case SavedLabs.Found found -> {
          LabBuilder.Result built = LabBuilder.build(found.document());
          if (built.world() == null) {
            notice =
                "The saved lab cannot be built ("
                    + built.problems().getFirst().message()
                    + "); this is the default lab.";
          } else {
            lab =
                registry.open(
                    new LabSession(found.document(), built.world(), found.readOnly()), this);
          }
        }
        case SavedLabs.Refused refused -> notice = refused.reason() + " This is the default lab.";
      }
    }
    if (lab == null) {
      String wanted = hello.lab();
      if (wanted != null && server.catalog().find(wanted).isEmpty()) {
        notice =
            "There is no built-in lab \""
                + wanted
                + "\" (GET /api/templates lists them); this is the default lab.";
        wanted = null;
      }
      lab = registry.open(server.newLab(wanted), this);
    }
    sendWelcome(lab.lab(), lab.token(), resumed, notice, null);
  }

  private void defaultLab(String notice) {
    lab = server.registry().open(server.newLab(null), this);
    sendWelcome(lab.lab(), lab.token(), false, notice, null);
  }

  private void sendWelcome(
      LabSession session, SessionToken token, boolean resumed, String notice, LiveInfo live) {
    send(
        new Welcome(
            Protocol.VERSION,
            session.name(),
            session.topology(),
            token,
            resumed,
            notice,
            session.layout().stream()
                .map(p -> new Position(p.host(), p.netns(), p.x(), p.y()))
                .toList(),
            session.probes().stream().map(LabConnection::savedProbe).toList(),
            live));
  }

  /**
   * Joins the saved lab's live world, shared with every tab on its links (on any instance). Its
   * session token resumes nothing: a reconnecting tab joins the live world again.
   */
  private void joinLive(SavedLabs.Found found) {
    leaveLive();
    LiveMember joining =
        new LiveMember(server.live().memberKey(session.getId()), !found.readOnly(), this::deliver);
    SessionToken token = new SessionToken("live-" + found.labId(), session.getId());
    LiveLab joined =
        server
            .live()
            .join(
                found,
                joining,
                world ->
                    sendWelcome(
                        world, token, false, null, new LiveInfo(found.labId(), joining.canEdit())));
    synchronized (this) {
      liveLab = joined;
      member = joining;
    }
  }

  /** The live lab this connection is in, or a refusal naming {@code what} needs one. */
  private synchronized LiveLab live(String what) {
    if (liveLab == null) {
      throw new ProtocolException(
          null,
          ErrorReason.INVALID_FIELD,
          "A "
              + what
              + " message needs a live lab: open a saved lab by its link (without a version).");
    }
    return liveLab;
  }

  private void present(Present present) {
    LiveLab lab = live("present");
    if (!member.canEdit()) {
      send(
          new Protocol.Error(
              null,
              ErrorReason.READ_ONLY,
              "This lab was opened by a view link: only a tab on its edit link can present."));
      return;
    }
    if (present.trace() != null) {
      server.live().present(lab, lab.traceOf(member, present.trace()), present.step(), member);
    }
  }

  /** Sends a change of a live lab through its edit log; false when the tab is in no live lab. */
  private boolean changeLive(ClientMessage change, String requestId, String what) {
    LiveLab lab;
    synchronized (this) {
      lab = liveLab;
    }
    if (lab == null) {
      return false;
    }
    if (!(change instanceof Ping) && refusedReadOnly(!member.canEdit(), requestId, what)) {
      return true;
    }
    server.checkSize(lab.session(), requestId);
    server.live().change(lab, change, member);
    return true;
  }

  private void command(Command command) {
    if (changeLive(command, command.requestId(), "commands")) {
      return;
    }
    LabSession session = labSession();
    if (refusedReadOnly(session.readOnly(), command.requestId(), "commands")) {
      return;
    }
    server.checkRoom(lab, command.requestId());
    session.command(command, run(), this::send);
    server.registry().resized(lab);
  }

  /** The tab's lab as a lab document, for the page to save. */
  private void exportLab(ExportLab export) {
    LabSession session = labSession();
    if (export.probes() != null && mayChange(session)) {
      session.keepProbes(
          export.probes().stream()
              .map(p -> LabProbe.checked(p.from().host(), p.from().netns(), p.ping(), p.run()))
              .toList());
    }
    send(new LabDocumentReply(export.requestId(), CODEC.write(session.document())));
  }

  private static SavedProbe savedProbe(LabProbe probe) {
    return new SavedProbe(
        new NamespaceRef(probe.host(), probe.netns()),
        probe.ping() == null ? null : probe.ping().toString(),
        probe.run());
  }

  private void edit(Edit edit) {
    if (changeLive(edit, edit.requestId(), "edits")) {
      return;
    }
    LabSession session = labSession();
    if (refusedReadOnly(session.readOnly(), edit.requestId(), "edits")) {
      return;
    }
    server.checkRoom(lab, edit.requestId());
    session.edit(edit, run(), this::send);
    server.registry().resized(lab);
  }

  private void place(Place place) {
    if (changeLive(place, null, "moving boxes")) {
      return;
    }
    LabSession session = labSession();
    if (!refusedReadOnly(session.readOnly(), null, "moving boxes")) {
      session.place(place);
    }
  }

  /** Whether this tab may change {@code session}: not through a view link, live or not. */
  private boolean mayChange(LabSession session) {
    synchronized (this) {
      if (liveLab != null) {
        return member.canEdit();
      }
    }
    return !session.readOnly();
  }

  /** Answers READ_ONLY when the lab was opened by a view link: {@code what} cannot change it. */
  private boolean refusedReadOnly(boolean readOnly, String requestId, String what) {
    if (!readOnly) {
      return false;
    }
    send(
        new Protocol.Error(
            requestId,
            ErrorReason.READ_ONLY,
            "This lab was opened by a view link, so it is read-only: "
                + what
                + " cannot change it. Fork it to get your own copy to change."));
    return true;
  }

  /** The connection's lab; a client that sends work before hello gets a fresh one. */
  private LabSession labSession() {
    synchronized (this) {
      if (liveLab != null) {
        return liveLab.session();
      }
    }
    if (lab == null) {
      lab = server.registry().open(server.newLab(null), this);
    }
    return lab.lab();
  }

  private LabSession.Run run() {
    return new LabSession.Run(server.slots(), server.limits(), () -> closed);
  }

  private static String minutes(long minutes) {
    return String.format(Locale.ROOT, "%d minute%s", minutes, minutes == 1 ? "" : "s");
  }

  private void send(ServerMessage message) {
    if (closed || !session.isOpen()) {
      return;
    }
    try {
      session.sendMessage(new TextMessage(ENCODER.encode(message)));
    } catch (IOException | RuntimeException e) {
      log.debug("Could not send to connection {}: {}", session.getId(), e.toString());
      close(LabServer.TOO_SLOW);
    }
  }
}
