// @vitest-environment jsdom
/** Tests the rules editor: the text it starts from, Apply, and the refused line it shows. */
import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { failedLine, RulesEditor } from "./RulesEditor";
import type { RuleEdit } from "../../store/session";

const RULES = "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport x -j ACCEPT\nCOMMIT\n";
const netns = { host: "host1", netns: "ns1" };

let root: HTMLElement | null = null;

function mount(edit: RuleEdit | null, applied: string[]): HTMLElement {
  root = document.createElement("div");
  document.body.append(root);
  const into = root;
  act(() =>
    render(<RulesEditor rules={RULES} edit={edit} onApply={(r) => applied.push(r)} />, into),
  );
  return into;
}

afterEach(() => {
  if (root !== null) render(null, root);
  root?.remove();
  root = null;
});

describe("rules editor", () => {
  it("finds the line iptables-restore names", () => {
    expect(failedLine("iptables-restore v1.8.9 (nf_tables): x\nError occurred at line: 3\n")).toBe(
      3,
    );
    expect(failedLine("iptables-restore: line 2 failed\n")).toBe(2);
    expect(failedLine("Bad argument")).toBeNull();
  });

  it("opens on the namespace's rules and applies the edited text", () => {
    const applied: string[] = [];
    const view = mount(null, applied);
    act(() => view.querySelector<HTMLButtonElement>("#edit-rules")?.click());
    const text = view.querySelector<HTMLTextAreaElement>("#rules-text");
    expect(text?.value).toBe(RULES);
    act(() => view.querySelector<HTMLButtonElement>("#apply-rules")?.click());
    expect(applied).toEqual([RULES]);
  });

  it("shows a refusal with the line it names, as text", () => {
    const refused: RuleEdit = {
      requestId: "r1",
      netns,
      exit: 2,
      stderr:
        "iptables-restore v1.8.9 (nf_tables): invalid port/service `x' specified\nError occurred at line: 3\n",
    };
    const view = mount(refused, []);
    act(() => view.querySelector<HTMLButtonElement>("#edit-rules")?.click());
    expect(view.querySelector("#rules-answer")?.getAttribute("data-exit")).toBe("2");
    expect(view.querySelector("#rules-error-line")?.textContent).toBe(
      "Line 3: -A INPUT -p tcp --dport x -j ACCEPT",
    );
    expect(view.querySelector(".rules-stderr")?.textContent).toContain("invalid port/service");
  });
});
