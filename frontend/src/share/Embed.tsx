/** Owns the read-only embed page (`/embed/ID/VIEWSECRET`, framed by a blog post or course page): the lab's canvas, ping toolbar and saved probes, the player and the event list, and a link that opens the lab in Packetwalk; no console, palette, editing or share controls. */
import "./embed.css";
import type { FrameStats } from "../render/canvas";
import { CanvasView } from "../ui/CanvasView";
import type { Controller } from "../ui/controller";
import { TracePanel } from "../ui/EventList";
import { ErrorBanner } from "../ui/Header";
import { namespaceOptions } from "../ui/namespaces";
import { PingToolbar } from "../ui/PingToolbar";
import { PlaybackControls } from "../ui/PlaybackControls";
import { ProbesPanel } from "../ui/probes/ProbesPanel";
import { usePlaybackKeys } from "../ui/usePlaybackKeys";
import { useStore } from "../ui/useStore";
import { useMemo } from "preact/hooks";

export function EmbedApp(props: { controller: Controller; stats: FrameStats; link: string }) {
  const { controller } = props;
  const state = useStore(controller.store);
  const options = useMemo(() => namespaceOptions(state.topology), [state.topology]);
  const connected = state.connection === "connected";
  usePlaybackKeys(controller);
  return (
    <div class="embed" data-connection={state.connection}>
      <header class="embed-header">
        <span id="embed-title" class="embed-title">
          {state.labName ?? ""}
        </span>
        <a
          id="embed-open"
          class="embed-open"
          href={props.link}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in Packetwalk ↗
        </a>
      </header>
      <ErrorBanner message={state.error} onDismiss={() => controller.dismissError()} />
      <main class="embed-body">
        <section class="embed-stage" aria-label="Topology">
          <PingToolbar
            options={options}
            connected={connected}
            onPing={(from, to) => controller.ping(from, to)}
            onProbe={(from, line) => controller.probe(from, line)}
          />
          <ProbesPanel
            probes={state.probes}
            connected={connected}
            readOnly={true}
            onRun={(probe) => controller.runProbe(probe)}
          />
          <CanvasView
            store={controller.store}
            stats={props.stats}
            editing={controller.editing}
            readOnly={true}
            waiting={
              state.topology !== null
                ? null
                : state.connection === "disconnected"
                  ? "Cannot reach the lab server; trying again…"
                  : "Waiting for the lab from the server…"
            }
          />
          <PlaybackControls
            cursor={state.cursor}
            length={state.trace?.steps.length ?? 0}
            complete={state.trace?.complete ?? false}
            playing={state.playing}
            speed={state.speed}
            onBack={() => controller.stepBack()}
            onForward={() => controller.stepForward()}
            onTogglePlay={() => controller.togglePlay()}
            onSpeed={(speed) => controller.setSpeed(speed)}
            onStart={() => controller.jumpToStart()}
            onEnd={() => controller.jumpToEnd()}
          />
        </section>
        <aside class="embed-trace">
          <TracePanel
            trace={state.trace}
            cursor={state.cursor}
            onSeek={(index) => controller.seek(index)}
          />
        </aside>
      </main>
    </div>
  );
}
