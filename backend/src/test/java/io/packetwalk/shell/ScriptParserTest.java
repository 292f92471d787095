package io.packetwalk.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

  private static ScriptLine line(String text) {
    return ScriptParser.parseLine(text, 7).orElseThrow();
  }

  @Test
  void splitsWordsOnBlanksAndDropsTrailingComments() {
    ScriptLine parsed = line("  ip netns add n1   # make a namespace");
    assertThat(parsed.words()).containsExactly("ip", "netns", "add", "n1");
    assertThat(parsed.text()).isEqualTo("ip netns add n1   # make a namespace");
    assertThat(parsed.line()).isEqualTo(7);
    assertThat(parsed.background()).isFalse();
  }

  @Test
  void skipsBlankLinesAndComments() {
    assertThat(ScriptParser.parseLine("   ", 1)).isEmpty();
    assertThat(ScriptParser.parseLine("# ip link", 1)).isEmpty();
  }

  @Test
  void removesQuotesAndKeepsHashInsideWords() {
    assertThat(line("ip link set 'my dev' alias \"a \\\"b\\\" c\" x#y").words())
        .containsExactly("ip", "link", "set", "my dev", "alias", "a \"b\" c", "x#y");
  }

  @Test
  void backslashEscapesTheNextCharacter() {
    assertThat(line("echo a\\ b \\|").words()).containsExactly("echo", "a b", "|");
  }

  @Test
  void trailingAmpersandRunsInTheBackground() {
    ScriptLine parsed = line("nc -l 80 &");
    assertThat(parsed.words()).containsExactly("nc", "-l", "80");
    assertThat(parsed.background()).isTrue();
    assertThat(line("nc -l 80& # listener").background()).isTrue();
  }

  @Test
  void refusesOrListsNamingLineAndColumn() {
    assertThatThrownBy(() -> line("ip link || ip addr"))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessage("line 7, column 9: \"||\" is not supported; write one command per line");
  }

  @Test
  void readsAHereDocumentAsTheCommandsInput() {
    List<ScriptLine> lines =
        ScriptParser.parseScript(
            "ip netns add fw\niptables-restore <<'EOF'\n*filter\n-A INPUT -j ACCEPT\nCOMMIT\nEOF\nip a\n");
    assertThat(lines).hasSize(3);
    ScriptLine restore = lines.get(1);
    assertThat(restore.line()).isEqualTo(2);
    assertThat(restore.words()).containsExactly("iptables-restore");
    assertThat(restore.stdin()).isEqualTo("*filter\n-A INPUT -j ACCEPT\nCOMMIT\n");
    assertThat(lines.get(2).line()).isEqualTo(7);
  }

  @Test
  void aHereDocumentNeedsItsEndAndAQuotedDelimiterForDollars() {
    assertThatThrownBy(() -> ScriptParser.parseScript("cat <<EOF\nabc\n"))
        .hasMessageContaining("the here-document has no end: no line reads \"EOF\"");
    assertThatThrownBy(() -> ScriptParser.parseScript("cat <<EOF\n$HOME\nEOF\n"))
        .hasMessageContaining("quote its delimiter");
    assertThat(ScriptParser.parseScript("cat <<'EOF'\n$HOME\nEOF\n").getFirst().stdin())
        .isEqualTo("$HOME\n");
  }

  @Test
  void readsAPipeline() {
    ScriptLine line = line("iptables -w -S -t filter | grep docker0 | grep -v RETURN");
    assertThat(line.words()).containsExactly("iptables", "-w", "-S", "-t", "filter");
    assertThat(line.piped())
        .containsExactly(List.of("grep", "docker0"), List.of("grep", "-v", "RETURN"));
  }

  @Test
  void readsFileRedirections() {
    ScriptLine save = line("iptables-save > /tmp/rules.v4");
    assertThat(save.words()).containsExactly("iptables-save");
    assertThat(save.outputFile()).isEqualTo("/tmp/rules.v4");
    ScriptLine restore = line("iptables-restore < /tmp/rules.v4");
    assertThat(restore.inputFile()).isEqualTo("/tmp/rules.v4");
    assertThat(line("echo >> log").appendOutput()).isTrue();
  }

  @Test
  void aConsoleCommandWithItsHereDocumentIsOneCommand() {
    ScriptLine typed =
        ScriptParser.parseLine("iptables-restore <<EOF\n*nat\nCOMMIT\nEOF", 3).orElseThrow();
    assertThat(typed.stdin()).isEqualTo("*nat\nCOMMIT\n");
    assertThatThrownBy(() -> ScriptParser.parseLine("ip a\nip r", 3))
        .hasMessageContaining("one command at a time");
  }

  @Test
  void refusesListsRedirectionsExpansionsAndAssignments() {
    assertRefused("ip a |", 6, "a pipe needs a command after it");
    assertRefused("| grep x", 1, "a pipe needs a command before it");
    assertRefused("ip a; ip r", 5, "command lists (\";\") are not supported");
    assertRefused("ip a && ip r", 6, "\"&&\" is not supported");
    assertRefused(
        "ip a 2> out", 6, "redirections of other file descriptors (\"2>\") are not supported");
    assertRefused("ip a >", 6, "\">\" needs a word after it");
    assertRefused("ip a <<< x", 6, "here-strings (\"<<<\") are not supported");
    assertRefused("ping $HOST", 6, "variables and substitutions (\"$\") are not supported");
    assertRefused("ping \"$HOST\"", 7, "variables and substitutions (\"$\") are not supported");
    assertRefused("ping `x`", 6, "command substitution (\"`\") is not supported");
    assertRefused("(ip a)", 1, "subshells and grouping (\"(\") are not supported");
    assertRefused("X=1 ip a", 1, "variable assignments are not supported");
    assertRefused("nc -l 80 & ip a", 10, "\"&\" is only supported at the end of a line");
  }

  @Test
  void refusesUnterminatedQuotesAtTheOpeningQuote() {
    assertRefused("ip link set 'x", 13, "unterminated single quote");
    assertRefused("ip link set \"x", 13, "unterminated double quote");
  }

  @Test
  void quotedAssignmentIsACommandName() {
    assertThat(line("'X=1' a").words()).containsExactly("X=1", "a");
  }

  @Test
  void parsesAScriptKeepingLineNumbers() {
    List<ScriptLine> lines = ScriptParser.parseScript("# setup\nip netns add a\n\nip link\r\n");
    assertThat(lines).extracting(ScriptLine::line).containsExactly(2, 4);
    assertThat(lines.get(1).words()).containsExactly("ip", "link");
  }

  @Test
  void refusesScriptsOverTheLineLimit() {
    String script = "ip link\n".repeat(ScriptParser.MAX_SCRIPT_LINES + 1);
    assertThatThrownBy(() -> ScriptParser.parseScript(script))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessageContaining("10001 lines, more than the limit of 10000");
  }

  @Test
  void refusesScriptsOverTheSizeLimit() {
    String script = "#" + "x".repeat(ScriptParser.MAX_SCRIPT_BYTES);
    assertThatThrownBy(() -> ScriptParser.parseScript(script))
        .isInstanceOf(ScriptSyntaxException.class)
        .hasMessageContaining("larger than 1048576 bytes");
  }

  private static void assertRefused(String text, int column, String reason) {
    assertThatThrownBy(() -> line(text))
        .isInstanceOf(ScriptSyntaxException.class)
        .satisfies(e -> {
          ScriptSyntaxException s = (ScriptSyntaxException) e;
          assertThat(s.line()).isEqualTo(7);
          assertThat(s.column()).isEqualTo(column);
          assertThat(s.reason()).startsWith(reason);
        });
  }
}
