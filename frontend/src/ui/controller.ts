/** Owns what the panels can do: it turns clicks and keys into store updates, player moves and protocol messages, and feeds server messages to the store. */
import type { NamespaceRef } from "../model/topology";
import { back, seek, step, type Cursor } from "../playback/cursor";
import { fasterSpeed, Player, slowerSpeed, type Scheduler } from "../playback/player";
import type { ClientMessage, ProtocolError, ServerMessage } from "../protocol/protocol";
import { abandonTrace, appendConsole, receive, type SessionState } from "../store/session";
import type { Store } from "../store/store";
import type { ConnectionStatus } from "../transport/connection";
import { placeLabel } from "./format";

/** Sends a message to the server; false when it could not be sent. */
export type Send = (message: ClientMessage) => boolean;

export class Controller {
  private readonly player: Player;
  private requests = 0;

  constructor(
    readonly store: Store<SessionState>,
    private readonly send: Send,
    schedule: Scheduler,
  ) {
    this.player = new Player(
      {
        cursor: () => this.cursor(),
        complete: () => this.store.get().trace?.complete ?? false,
        moveTo: (cursor) => this.moveTo(cursor),
        playingChanged: (playing) => this.store.update((state) => ({ ...state, playing })),
      },
      schedule,
    );
    this.player.setSpeed(store.get().speed);
  }

  // ---- From the server ----

  /** Applies one server message; a new trace stops playback, new steps wake a waiting player. */
  receive(message: ServerMessage): void {
    if (message.type === "traceStart") this.player.pause();
    this.store.update((state) => receive(state, message));
    if (message.type === "traceStep" || message.type === "traceEnd") this.player.traceGrew();
    // The inspected namespace's tables are read again after anything that may have changed them.
    if (
      message.type === "welcome" ||
      message.type === "traceEnd" ||
      message.type === "commandResult"
    ) {
      this.refreshInspected();
    }
  }

  /** Tracks the connection; a trace still streaming when it drops is ended. */
  connection(status: ConnectionStatus): void {
    this.store.update((state) =>
      state.connection === status ? state : { ...state, connection: status },
    );
    if (status === "disconnected") {
      this.store.update(abandonTrace);
      this.player.traceGrew();
    }
  }

  /** The server closed the connection and said why; the reason is shown until dismissed. */
  refused(reason: string): void {
    this.showError(reason);
  }

  dismissNotice(): void {
    this.store.update((state) => (state.notice === null ? state : { ...state, notice: null }));
  }

  invalid(error: ProtocolError): void {
    this.showError(
      `The server sent a message this page cannot read (${error.reason}): ${error.message}`,
    );
  }

  // ---- From the panels ----

  /** Asks the server to ping `to` once from the namespace. */
  ping(from: NamespaceRef, to: string): void {
    const sent = this.send({
      v: 2,
      type: "ping",
      requestId: this.nextRequestId(),
      from,
      to,
      count: 1,
    });
    if (!sent) this.showError("Not connected to the server, so the ping was not sent.");
  }

  /** Runs one shell command (one line, or several with a here-document) in the namespace and echoes it to the console, continuation lines after "> ". */
  command(netns: NamespaceRef, line: string): void {
    const sent = this.send({ v: 2, type: "command", requestId: this.nextRequestId(), netns, line });
    if (!sent) {
      this.showError("Not connected to the server, so the command was not run.");
      return;
    }
    this.store.update((state) =>
      appendConsole(state, [
        { kind: "command", text: `${placeLabel(netns)}$ ${line.split("\n").join("\n> ")}` },
      ]),
    );
  }

  /** Shows the namespace in the inspector and asks the server for its tables. */
  inspect(ref: NamespaceRef): void {
    this.store.update((state) => ({ ...state, inspecting: ref }));
    this.refreshInspected();
  }

  private refreshInspected(): void {
    const netns = this.store.get().inspecting;
    if (netns === null) return;
    this.send({ v: 2, type: "inspect", requestId: this.nextRequestId(), netns });
  }

  stepForward(): void {
    this.player.pause();
    this.moveTo(step(this.cursor()));
  }

  stepBack(): void {
    this.player.pause();
    this.moveTo(back(this.cursor()));
  }

  seek(index: number): void {
    this.player.pause();
    this.moveTo(seek(this.cursor(), index));
  }

  /** Goes to before the first step: every state table as it was before the trace. */
  jumpToStart(): void {
    this.seek(-1);
  }

  /** Goes to the last step the trace has so far. */
  jumpToEnd(): void {
    this.seek(this.cursor().length - 1);
  }

  faster(): void {
    this.setSpeed(fasterSpeed(this.player.speed()));
  }

  slower(): void {
    this.setSpeed(slowerSpeed(this.player.speed()));
  }

  togglePlay(): void {
    this.player.toggle();
  }

  setSpeed(stepsPerSecond: number): void {
    this.player.setSpeed(stepsPerSecond);
    const speed = this.player.speed();
    this.store.update((state) => (state.speed === speed ? state : { ...state, speed }));
  }

  dismissError(): void {
    this.store.update((state) => (state.error === null ? state : { ...state, error: null }));
  }

  private showError(message: string): void {
    this.store.update((state) => ({ ...state, error: message }));
  }

  private cursor(): Cursor {
    const state = this.store.get();
    return { index: state.cursor, length: state.trace?.steps.length ?? 0 };
  }

  private moveTo(cursor: Cursor): void {
    this.store.update((state) =>
      state.cursor === cursor.index ? state : { ...state, cursor: cursor.index },
    );
  }

  private nextRequestId(): string {
    this.requests += 1;
    return `r${this.requests}`;
  }
}
