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
import { ShareApi } from "./share/api";
import { momentFromSearch, playMoment } from "./share/moment";
import { LabExporter } from "./share/exporter";
import { EmbedApp } from "./share/Embed";
import {
  isEmbedPage,
  linkPath,
  opensAnotherLab,
  OPENED_KEY,
  sharedFromLocation,
} from "./share/links";
import { ShareSession } from "./share/shareSession";
import { App } from "./ui/App";
import { Controller } from "./ui/controller";
import { toSaved } from "./playback/probes";
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

/** A saved lab's link (`/shared/ID/SECRET`) opens that lab; a reload of the same link resumes it. */
const shared = sharedFromLocation(window.location);
if (
  shared !== null &&
  opensAnotherLab(window.sessionStorage, window.location.pathname + window.location.search)
) {
  sessionStorageKeeper.clear();
}

const connection = new Connection(
  socketUrl(window.location),
  {
    status: (status) => controller.connection(status),
    message: (message) => {
      exporter.receive(message);
      controller.receive(message);
    },
    invalid: (error) => controller.invalid(error),
    refused: (reason) => controller.refused(reason),
  },
  { ...browserOptions, lab: labFromAddress(window.location.search), shared },
);
const exporter = new LabExporter(
  (message) => connection.send(message),
  () => toSaved(controller.store.get().probes),
);
const share = new ShareSession(new ShareApi((input, init) => fetch(input, init)), exporter, {
  origin: window.location.origin,
  open: (path) => {
    sessionStorageKeeper.clear();
    window.location.assign(path);
  },
  replace: (path) => {
    window.sessionStorage.setItem(OPENED_KEY, path);
    window.history.replaceState(null, "", path);
  },
  storage: window.localStorage,
});

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

// The embed page (`/embed/ID/SECRET`, in another site's iframe) shows the lab read-only with small chrome.
const embedded = shared !== null && isEmbedPage(window.location);
// With no lab, saved-lab link or tab session to resume, the page starts with the list of labs.
const startPage =
  shared === null &&
  labFromAddress(window.location.search) === null &&
  sessionStorageKeeper.load() === null;
if (embedded) {
  const link = `${window.location.origin}${linkPath(shared.id, shared.secret, shared.version)}`;
  render(h(EmbedApp, { controller, stats: frameStats, link }), root);
} else {
  render(h(App, { controller, stats: frameStats, openLab, share, startPage }), root);
}
// A link to a moment (…&from=host1/ns1&ping=10.0.0.2&step=17) runs its probe and stops at the step.
const moment = shared === null ? null : momentFromSearch(window.location.search);
if (moment !== null) playMoment(controller.store, controller, moment);
connection.start();
if (shared !== null && !embedded) void share.open(shared);
