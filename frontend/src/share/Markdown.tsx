/** Owns the rendering of lab notes: parsed Markdown drawn as Preact elements, so every character of the author's text arrives as text, never as HTML. */
import type { ComponentChild } from "preact";
import { parseMarkdown, type Block, type Inline } from "./markdown";

export function Markdown(props: { text: string; id?: string }) {
  return (
    <div class="markdown" id={props.id}>
      {parseMarkdown(props.text).map((block, index) => renderBlock(block, index))}
    </div>
  );
}

function renderBlock(block: Block, key: number): ComponentChild {
  switch (block.kind) {
    case "heading": {
      const content = renderInline(block.content);
      if (block.level === 1) return <h3 key={key}>{content}</h3>;
      if (block.level === 2) return <h4 key={key}>{content}</h4>;
      return <h5 key={key}>{content}</h5>;
    }
    case "paragraph":
      return <p key={key}>{renderInline(block.content)}</p>;
    case "list": {
      const items = block.items.map((item, index) => <li key={index}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case "code":
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      );
  }
}

function renderInline(runs: readonly Inline[]): ComponentChild[] {
  return runs.map((run, index) => {
    switch (run.kind) {
      case "text":
        return run.text;
      case "code":
        return <code key={index}>{run.text}</code>;
      case "strong":
        return <strong key={index}>{renderInline(run.children)}</strong>;
      case "em":
        return <em key={index}>{renderInline(run.children)}</em>;
      case "link":
        return (
          <a key={index} href={run.href} target="_blank" rel="noopener noreferrer">
            {renderInline(run.children)}
          </a>
        );
    }
  });
}
