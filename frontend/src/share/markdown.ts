/** Owns the small, safe Markdown of lab notes: text in, a tree of blocks and inline runs out. No HTML passes through, and only http, https and mailto links become links. */

export type Inline =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "code"; readonly text: string }
  | { readonly kind: "strong"; readonly children: readonly Inline[] }
  | { readonly kind: "em"; readonly children: readonly Inline[] }
  | { readonly kind: "link"; readonly href: string; readonly children: readonly Inline[] };

export type Block =
  | { readonly kind: "heading"; readonly level: number; readonly content: readonly Inline[] }
  | { readonly kind: "paragraph"; readonly content: readonly Inline[] }
  | {
      readonly kind: "list";
      readonly ordered: boolean;
      readonly items: readonly (readonly Inline[])[];
    }
  | { readonly kind: "code"; readonly text: string };

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const FENCE = /^\s*```/;

/** Whether a link target may be followed: only web and mail addresses, never javascript: or data:. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

/** Splits notes into blocks: headings, paragraphs, bullet and numbered lists, fenced code. */
export function parseMarkdown(text: string): readonly Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) {
      blocks.push({ kind: "paragraph", content: parseInline(paragraph.join(" ")) });
      paragraph = [];
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (FENCE.test(line)) {
      flush();
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !FENCE.test(lines[i] ?? "")) {
        code.push(lines[i] ?? "");
        i += 1;
      }
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      flush();
      blocks.push({
        kind: "heading",
        level: (heading[1] ?? "#").length,
        content: parseInline(heading[2] ?? ""),
      });
      continue;
    }
    const ordered = NUMBERED.test(line);
    if (ordered || BULLET.test(line)) {
      flush();
      const pattern = ordered ? NUMBERED : BULLET;
      const items: (readonly Inline[])[] = [];
      while (i < lines.length && pattern.test(lines[i] ?? "")) {
        items.push(parseInline(pattern.exec(lines[i] ?? "")?.[1] ?? ""));
        i += 1;
      }
      i -= 1;
      blocks.push({ kind: "list", ordered, items });
      continue;
    }
    if (line.trim() === "") flush();
    else paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

/** Inline runs: `code`, **strong**, *em* or _em_, and [text](href) links with a safe href. */
export function parseInline(text: string): readonly Inline[] {
  const out: Inline[] = [];
  let plain = "";
  const pushText = (): void => {
    if (plain !== "") out.push({ kind: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const code = /^`([^`]+)`/.exec(rest);
    const strong = /^\*\*(.+?)\*\*/.exec(rest);
    const em = /^(\*|_)([^*_]+?)\1/.exec(rest);
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
    if (code !== null) {
      pushText();
      out.push({ kind: "code", text: code[1] ?? "" });
      i += code[0].length;
    } else if (strong !== null) {
      pushText();
      out.push({ kind: "strong", children: parseInline(strong[1] ?? "") });
      i += strong[0].length;
    } else if (em !== null) {
      pushText();
      out.push({ kind: "em", children: parseInline(em[2] ?? "") });
      i += em[0].length;
    } else if (link !== null) {
      const href = link[2] ?? "";
      if (isSafeHref(href)) {
        pushText();
        out.push({ kind: "link", href, children: parseInline(link[1] ?? "") });
      } else {
        plain += link[0];
      }
      i += link[0].length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  pushText();
  return out;
}
