/** Entry point: wires store, controller, WebSocket connection and panels together and mounts the page into #app. */
import { h, render } from "preact";
import { DEFAULT_SPEED, timerScheduler } from "./playback/player";
import { createFrameStats, type FrameStats } from "./render/canvas";
import { initialSession } from "./store/session";
import { Store } from "./store/store";
import {
  browserOptions,
  Connection,
  labFromAddress,
  sessionStorageKeeper,
  socketUrl,
} from "./transport/connection";
import { App } from "./ui/App";
import { Controller } from "./ui/controller";
import "./styles/app.css";

declare global {
  interface Window {
    /** Read by the browser frame-time benchmark; `dropConnection` lets browser tests cut the socket. */
    packetwalk: { readonly frameStats: FrameStats; readonly dropConnection: () => void };
  }
}

const root = document.getElementById("app");
if (root === null) throw new Error('Packetwalk needs a <div id="app"> to mount into.');

const frameStats = createFrameStats();

const connection = new Connection(
  socketUrl(window.location),
  {
    status: (status) => controller.connection(status),
    message: (message) => controller.receive(message),
    invalid: (error) => controller.invalid(error),
    refused: (reason) => controller.refused(reason),
  },
  { ...browserOptions, lab: labFromAddress(window.location.search) },
);

/** Opens built-in lab `id` fresh: the tab's current lab is not resumed. */
function openLab(id: string): void {
  sessionStorageKeeper.clear();
  window.location.assign(`/?lab=${encodeURIComponent(id)}`);
}
window.packetwalk = { frameStats, dropConnection: () => connection.drop() };
const controller = new Controller(
  new Store(initialSession(DEFAULT_SPEED)),
  (message) => connection.send(message),
  timerScheduler,
);

render(h(App, { controller, stats: frameStats, openLab }), root);
connection.start();
