package io.packetwalk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.shell.ScriptParser;
import io.packetwalk.shell.ScriptSyntaxException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The shell's parser refuses what it cannot parse with a ScriptSyntaxException, nothing else. */
class ScriptParserFuzzTest {

  @Property
  void aLineParsesOrIsRefusedWithItsPosition(@ForAll("lines") String line) {
    try {
      ScriptParser.parseLine(line, 7)
          .ifPresent(
              parsed -> assertThat(parsed.words()).allSatisfy(w -> assertThat(w).isNotNull()));
    } catch (ScriptSyntaxException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Property
  void aScriptParsesOrIsRefusedWithItsPosition(@ForAll("scripts") String script) {
    try {
      assertThat(ScriptParser.parseScript(script)).isNotNull();
    } catch (ScriptSyntaxException refused) {
      assertThat(refused.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> lines() {
    Arbitrary<String> tokens =
        Arbitraries.oneOf(
            Arbitraries.of(
                " ",
                "\t",
                "'",
                "\"",
                "\\",
                "#",
                "&",
                "&&",
                "|",
                "||",
                ";",
                "<",
                ">",
                ">>",
                "$",
                "$(",
                "${",
                "`",
                "(",
                ")",
                "{",
                "}",
                "*",
                "?",
                "[",
                "~",
                "!",
                "=",
                "a=b",
                "\r",
                "\0",
                "\\\n",
                "ip",
                "link",
                "-n",
                "ns1",
                "é",
                "\uD83D\uDE00",
                "\uD800",
                "\u00a0"),
            Arbitraries.strings().ofMaxLength(6),
            Arbitraries.strings().withCharRange('\0', '\u007f').ofMaxLength(4));
    return tokens.list().ofMaxSize(40).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> scripts() {
    return lines().list().ofMaxSize(12).map(ls -> String.join("\n", ls));
  }
}
