/** Owns editing a namespace's iptables rules in iptables-save form: the text, Apply (an iptables-restore on the server), and the server's answer with the line it names shown beside it. */
import { useState } from "preact/hooks";
import type { RuleEdit } from "../../store/session";

export interface RulesEditorProps {
  /** The namespace's tables now, in iptables-save form without counters. */
  readonly rules: string;
  /** The last rules edit of this namespace, or null. */
  readonly edit: RuleEdit | null;
  readonly onApply: (rules: string) => void;
}

/** The line an iptables-restore error names ("line 3 failed", "Error occurred at line: 3"), or null. */
export function failedLine(stderr: string): number | null {
  const found = /line:? (\d+)/.exec(stderr);
  return found?.[1] === undefined ? null : Number(found[1]);
}

export function RulesEditor({ rules, edit, onApply }: RulesEditorProps) {
  const [text, setText] = useState<string | null>(null);
  if (text === null) {
    return (
      <button
        type="button"
        id="edit-rules"
        class="edit-rules"
        title="Edit these rules as iptables-save text and apply them with iptables-restore"
        onClick={() => setText(rules)}
      >
        Edit rules
      </button>
    );
  }
  const line =
    edit !== null && edit.exit !== null && edit.exit !== 0 ? failedLine(edit.stderr) : null;
  const lineText = line === null ? null : (text.split("\n")[line - 1] ?? null);
  return (
    <div class="rules-editor">
      <label for="rules-text">Rules (iptables-save form; Apply replaces the tables it names)</label>
      <textarea
        id="rules-text"
        rows={Math.min(16, Math.max(6, text.split("\n").length + 1))}
        spellcheck={false}
        value={text}
        onInput={(event) => setText((event.target as HTMLTextAreaElement).value)}
      />
      <div class="rules-editor-actions">
        <button type="button" id="apply-rules" onClick={() => onApply(text)}>
          Apply
        </button>
        <button type="button" id="cancel-rules" onClick={() => setText(null)}>
          Close
        </button>
      </div>
      {edit !== null && (
        <div id="rules-answer" class="rules-answer" role="status" data-exit={edit.exit ?? ""}>
          {edit.exit === null ? (
            "Applying…"
          ) : edit.exit === 0 ? (
            "Applied: the tables now read as above."
          ) : (
            <>
              <p class="rules-error">
                iptables-restore refused the rules (exit {edit.exit}); nothing was changed.
              </p>
              {line !== null && (
                <p id="rules-error-line" class="rules-error-line">
                  Line {line}: <code>{lineText ?? ""}</code>
                </p>
              )}
              <pre class="rules-stderr">{edit.stderr}</pre>
            </>
          )}
        </div>
      )}
    </div>
  );
}
