/** Tests the console's here-document line discipline. */
import { describe, expect, it } from "vitest";
import {
  enterLine,
  enterText,
  heredocOpeners,
  isCompleteCommand,
  pendingHeredocs,
} from "./heredoc";

describe("lines that open a here-document", () => {
  it.each([
    ["iptables-restore <<EOF", "EOF", false],
    ["iptables-restore <<'EOF'", "EOF", false],
    ['iptables-restore <<"EOF"', "EOF", false],
    ["iptables-restore <<-EOF", "EOF", true],
    ["cat << END > /tmp/x", "END", false],
    ["cat <<EOF>/tmp/x", "EOF", false],
    ["cat <<\\EOF", "EOF", false],
    ["cat <<E'O'F", "EOF", false],
  ])("%s waits for %s", (line, word, stripTabs) => {
    expect(heredocOpeners(line)).toEqual([{ word, stripTabs }]);
  });

  it("finds every here-document of a line, in order", () => {
    expect(heredocOpeners("cat <<A - <<-'B'").map((opener) => opener.word)).toEqual(["A", "B"]);
  });

  it.each([
    "ip -br addr",
    "cat <<< 'a here-string'",
    "echo '<<EOF'",
    'echo "x <<EOF"',
    "echo \\<<EOF",
    "echo $(( 1 << 2 ))",
    "ls # <<EOF in a comment",
    "cat <<",
  ])("%s opens none", (line) => {
    expect(heredocOpeners(line)).toEqual([]);
  });
});

describe("complete commands", () => {
  it("is complete only once the terminator line arrives", () => {
    const lines = ["iptables-restore <<'EOF'", "*filter", "-A INPUT -j DROP", "COMMIT"];
    expect(isCompleteCommand(lines.slice(0, 1))).toBe(false);
    expect(isCompleteCommand(lines)).toBe(false);
    expect(isCompleteCommand([...lines, "EOF"])).toBe(true);
  });

  it("wants the terminator alone on its line", () => {
    expect(isCompleteCommand(["cat <<EOF", " EOF", "EOF "])).toBe(false);
    expect(isCompleteCommand(["cat <<EOF", "EOFX"])).toBe(false);
  });

  it("lets <<- end at a tab-indented terminator", () => {
    expect(isCompleteCommand(["cat <<-EOF", "\tline", "\tEOF"])).toBe(true);
    expect(isCompleteCommand(["cat <<EOF", "\tEOF"])).toBe(false);
  });

  it("does not read here-document markers inside a body", () => {
    expect(pendingHeredocs(["cat <<A", "cat <<B", "A"])).toEqual([]);
  });

  it("waits for each here-document of a line in turn", () => {
    expect(pendingHeredocs(["cat <<A <<B", "a", "A"])).toEqual([{ word: "B", stripTabs: false }]);
    expect(isCompleteCommand(["cat <<A <<B", "a", "A", "b", "B"])).toBe(true);
  });
});

describe("entering lines", () => {
  it("sends an ordinary line at once", () => {
    expect(enterLine([], "ip -br addr")).toEqual({ command: "ip -br addr", pending: [] });
  });

  it("sends nothing for a blank line", () => {
    expect(enterLine([], "  ")).toEqual({ command: null, pending: [] });
  });

  it("collects a here-document and sends it whole, terminator included", () => {
    let entered = enterLine([], "iptables-restore <<'EOF'");
    expect(entered).toEqual({ command: null, pending: ["iptables-restore <<'EOF'"] });
    for (const line of ["*filter", "", "COMMIT"]) {
      entered = enterLine(entered.pending, line);
      expect(entered.command).toBeNull();
    }
    expect(enterLine(entered.pending, "EOF")).toEqual({
      command: "iptables-restore <<'EOF'\n*filter\n\nCOMMIT\nEOF",
      pending: [],
    });
  });
});

describe("pasting text", () => {
  it("enters every finished line and leaves the last, unfinished one", () => {
    expect(enterText([], "ip link\nip route\nip ad")).toEqual({
      commands: ["ip link", "ip route"],
      pending: [],
      rest: "ip ad",
    });
  });

  it("sends a pasted here-document as one command, with Windows line ends too", () => {
    const text = "iptables-restore <<EOF\r\n*nat\r\nCOMMIT\r\nEOF\r\nip -br addr\n";
    expect(enterText([], text)).toEqual({
      commands: ["iptables-restore <<EOF\n*nat\nCOMMIT\nEOF", "ip -br addr"],
      pending: [],
      rest: "",
    });
  });

  it("keeps an unfinished here-document collected", () => {
    expect(enterText(["cat <<EOF"], "a\nb\n")).toEqual({
      commands: [],
      pending: ["cat <<EOF", "a", "b"],
      rest: "",
    });
  });
});
