/** Owns the read-only embed page (`/embed/ID/VIEWSECRET`, framed by a blog post or course page): the lab's canvas, ping toolbar and saved probes, the player and the event list, and a link that opens the lab in Packetwalk; no console, palette, editing or share controls. */
import "./embed.css";
import type { FrameStats } from "../render/canvas";
import type { Controller } from "../ui/controller";
import { TracePanel } from "../ui/EventList";
import { ErrorBanner } from "../ui/Header";
import { namespaceOptions } from "../ui/namespaces";
import { usePlaybackKeys } from "../ui/usePlaybackKeys";
import { LabStage } from "../ui/LabStage";
import { useStore } from "../ui/useStore";
import { useMemo } from "preact/hooks";

export function EmbedApp(props: { controller: Controller; stats: FrameStats; link: string }) {
  const { controller } = props;
  const state = useStore(controller.store);
  const options = useMemo(() => namespaceOptions(state.topology), [state.topology]);
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
          <LabStage
            controller={controller}
            state={state}
            options={options}
            stats={props.stats}
            readOnly={true}
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
