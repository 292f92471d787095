/** Owns the page layout: header, ping toolbar, canvas and playback on the left, trace and headers on the right, console at the bottom. */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { FrameStats } from "../render/canvas";
import { causeOf } from "../model/trace";
import { currentStep } from "../store/session";
import { CommandLog } from "./CommandLog";
import { ConsolePanel } from "./ConsolePanel";
import type { Controller } from "./controller";
import { TracePanel } from "./EventList";
import { ErrorBanner, Header, NoticeBanner, useTemplates } from "./Header";
import { HeadersPanel } from "./HeadersPanel";
import { InspectorPanel } from "./inspector/InspectorPanel";
import { chooseNamespace, namespaceOptions, selectedNamespace } from "./namespaces";
import { LiveControls } from "./LiveControls";
import { StartPage } from "./StartPage";
import { usePlaybackKeys } from "./usePlaybackKeys";
import { LabStage } from "./LabStage";
import { useStore } from "./useStore";
import { currentMoment, momentQuery } from "../share/moment";
import { MomentLink } from "../share/MomentLink";
import { LabNotes, ShareControls } from "../share/ShareControls";
import type { ShareSession } from "../share/shareSession";

export function App({
  controller,
  stats,
  openLab,
  share,
  startPage,
}: {
  controller: Controller;
  stats: FrameStats;
  openLab: (id: string) => void;
  share: ShareSession;
  /** Whether to show the start page (the page was opened with no lab, link or tab session). */
  startPage: boolean;
}) {
  const state = useStore(controller.store);
  const templates = useTemplates();
  const [starting, setStarting] = useState(startPage);
  const closeStart = useMemo(() => () => setStarting(false), []);
  const savedLab = useStore(share.store).lab;
  const readOnly = savedLab?.permission === "VIEW";
  const options = useMemo(() => namespaceOptions(state.topology), [state.topology]);
  usePlaybackKeys(controller);

  // The inspector starts on the namespace the other choosers start on.
  const firstChoice = chooseNamespace(options, null);
  useEffect(() => {
    if (state.inspecting !== null || state.connection !== "connected") return;
    const option = options.find((candidate) => candidate.key === firstChoice);
    if (option !== undefined) controller.inspect(option.ref);
  }, [controller, options, firstChoice, state.inspecting, state.connection]);

  // Selecting a namespace box or a device on the canvas shows that namespace in the inspector.
  const picked = selectedNamespace(options, state.selection);
  useEffect(() => {
    if (picked === null || state.connection !== "connected") return;
    const shown = state.inspecting;
    if (shown !== null && shown.host === picked.ref.host && shown.netns === picked.ref.netns)
      return;
    controller.inspect(picked.ref);
    // Only a new pick moves the inspector (not listed: state.inspecting), so a namespace chosen in
    // the inspector's own select afterwards is kept.
  }, [controller, picked?.key, state.connection]);

  const moment = currentMoment(state);
  const momentLink =
    savedLab === null || savedLab.viewSecret === null || moment === null
      ? null
      : `${share.link(savedLab.viewSecret)}?version=${savedLab.version}&${momentQuery(moment)}`;

  const step = currentStep(state);
  const cause = step === null ? null : causeOf(state.trace?.steps ?? [], step);
  return (
    <div class="app">
      <Header
        templates={templates}
        labName={state.labName}
        connection={state.connection}
        openLab={openLab}
        controls={<ShareControls share={share} />}
      />
      <ErrorBanner message={state.error} onDismiss={() => controller.dismissError()} />
      <NoticeBanner message={state.notice} onDismiss={() => controller.dismissNotice()} />
      <LabNotes share={share} />
      <main class="workspace">
        <section class="stage-column" aria-label="Topology">
          <LabStage
            controller={controller}
            state={state}
            options={options}
            stats={stats}
            readOnly={readOnly}
          />
          {state.live !== null && (
            <LiveControls
              live={state.live}
              presenting={state.presenting}
              following={state.following}
              onPresent={(on) => controller.setPresenting(on)}
              onFollow={(on) => controller.setFollowing(on)}
            />
          )}
          {momentLink !== null && <MomentLink link={momentLink} />}
          {!readOnly && <CommandLog entries={state.edits.log} />}
        </section>
        <aside class="trace-column">
          <TracePanel
            trace={state.trace}
            cursor={state.cursor}
            onSeek={(index) => controller.seek(index)}
          />
          <HeadersPanel step={step} cause={cause} />
        </aside>
        <InspectorPanel
          options={options}
          inspecting={state.inspecting}
          inspected={state.inspected}
          trace={state.trace}
          cursor={state.cursor}
          onInspect={(ref) => controller.inspect(ref)}
          ruleEdit={state.ruleEdit}
          onApplyRules={
            readOnly || state.live?.canEdit === false
              ? null
              : (ref, rules) => controller.applyRules(ref, rules)
          }
        />
        {!readOnly && (
          <ConsolePanel
            options={options}
            lines={state.consoleLines}
            onCommand={(netns, line) => controller.command(netns, line)}
          />
        )}
      </main>
      {starting && templates.length > 0 && (
        <StartPage templates={templates} openLab={openLab} onClose={closeStart} />
      )}
    </div>
  );
}
