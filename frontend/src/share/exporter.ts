/** Owns asking the server for the tab's lab as a lab document (`exportLab` → `labDocument`) and handing the answer to whoever asked. */
import type { ClientMessage, SavedProbe, ServerMessage } from "../protocol/protocol";

const EXPORT_WAIT_MS = 15_000;

export class LabExporter {
  private readonly waiting = new Map<string, (document: string) => void>();
  private requests = 0;

  /** `probes`: the tab's probes now, saved with the lab. */
  constructor(
    private readonly send: (message: ClientMessage) => boolean,
    private readonly probes: () => readonly SavedProbe[],
  ) {}

  /** The tab's lab as lab document JSON text, with the tab's probes. */
  export(): Promise<string> {
    this.requests += 1;
    const requestId = `export${this.requests}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(requestId);
        reject(new Error("The server did not send the lab within 15 seconds; try again."));
      }, EXPORT_WAIT_MS);
      this.waiting.set(requestId, (document) => {
        clearTimeout(timer);
        resolve(document);
      });
      if (!this.send({ v: 2, type: "exportLab", requestId, probes: this.probes() })) {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        reject(new Error("Not connected to the server, so the lab could not be saved."));
      }
    });
  }

  /** Takes the server's `labDocument` answers; every other message is left alone. */
  receive(message: ServerMessage): void {
    if (message.type !== "labDocument") return;
    const done = this.waiting.get(message.requestId);
    this.waiting.delete(message.requestId);
    done?.(message.document);
  }
}
