/** Owns the lab's stage as the lab page and the embed page both show it: the ping toolbar, the saved probes, the canvas and the player's controls. */
import type { FrameStats } from "../render/canvas";
import type { SessionState } from "../store/session";
import { CanvasView } from "./CanvasView";
import type { Controller } from "./controller";
import type { NamespaceOption } from "./namespaces";
import { PingToolbar } from "./PingToolbar";
import { PlaybackControls } from "./PlaybackControls";
import { ProbesPanel } from "./probes/ProbesPanel";

export interface LabStageProps {
  readonly controller: Controller;
  readonly state: SessionState;
  readonly options: readonly NamespaceOption[];
  readonly stats: FrameStats;
  /** A view link's lab (or an embed): no editing, and command probes cannot run. */
  readonly readOnly: boolean;
}

export function LabStage({ controller, state, options, stats, readOnly }: LabStageProps) {
  const connected = state.connection === "connected";
  return (
    <>
      <PingToolbar
        options={options}
        connected={connected}
        onPing={(from, to) => controller.ping(from, to)}
        onProbe={(from, line) => controller.probe(from, line)}
      />
      <ProbesPanel
        probes={state.probes}
        connected={connected}
        readOnly={readOnly}
        onRun={(probe) => controller.runProbe(probe)}
      />
      <CanvasView
        store={controller.store}
        stats={stats}
        editing={controller.editing}
        readOnly={readOnly}
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
    </>
  );
}
