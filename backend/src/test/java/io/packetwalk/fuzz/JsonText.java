package io.packetwalk.fuzz;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of JSON text for the decoders' fuzz tests: hostile scalars (1,000-digit and huge
 * numbers, 1e400, NUL and lone surrogates in strings), nesting far deeper than any limit, small
 * mixed trees, and broken text (truncated, spliced garbage).
 */
final class JsonText {

  private JsonText() {}

  /** Scalars a reader must survive, as JSON text. */
  static Arbitrary<String> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1",
            "-1",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e22",
            "1e400",
            "-1e400",
            "1.5",
            "0.1e-400",
            "1E2",
            "\"\"",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"a/b\"",
            "\"ns1\"",
            "\"host1\"",
            "\"10.0.0.2\"",
            "\"ip -br addr\"",
            "\"" + "x".repeat(300) + "\"",
            "\"caf\u00e9\""),
        digits(1, 1_200),
        digits(1, 30).map(d -> "-" + d),
        Arbitraries.strings().ofMaxLength(12).map(JsonText::quote),
        Arbitraries.integers().map(String::valueOf),
        Arbitraries.doubles()
            .map(String::valueOf)
            .filter(s -> !s.contains("N") && !s.contains("I")));
  }

  /** A run of decimal digits not starting with 0. */
  static Arbitrary<String> digits(int min, int max) {
    return Arbitraries.strings().numeric().ofMinLength(min).ofMaxLength(max).map(d -> "9" + d);
  }

  /** Arrays or objects nested {@code 400..3000} deep, around every common depth limit. */
  static Arbitrary<String> deep() {
    Arbitrary<Integer> depth = Arbitraries.integers().between(400, 3_000);
    return Arbitraries.oneOf(
        depth.map(n -> "[".repeat(n) + "]".repeat(n)),
        depth.map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
        depth.map(n -> "[".repeat(n)));
  }

  /** Any JSON value: mostly small trees, sometimes hostile scalars or deep nesting. */
  static Arbitrary<String> values() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalars()),
        Tuple.of(2, deep()),
        Tuple.of(3, Arbitraries.lazy(JsonText::trees)));
  }

  private static Arbitrary<String> trees() {
    Arbitrary<String> array =
        scalars().list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(
                Arbitraries.of("v", "type", "name", "hosts", "a", "").list().ofMaxSize(3),
                scalars().list().ofSize(3))
            .as((keys, vals) -> {
              StringBuilder text = new StringBuilder("{");
              for (int i = 0; i < keys.size(); i++) {
                text.append(i > 0 ? "," : "").append(quote(keys.get(i))).append(':');
                text.append(vals.get(i));
              }
              return text.append('}').toString();
            });
    return Arbitraries.oneOf(array, object);
  }

  /** A JSON object with the given fields (already JSON text), in order. */
  static String object(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** Ways to break JSON text: cut it, splice in a fragment, or leave it. */
  static Arbitrary<UnaryOperator<String>> breakers() {
    Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
    Arbitrary<String> fragment =
        Arbitraries.of(
            "", "{", "}", "[", "]", ",", ":", "\"", "\\", "\0", "//", "NaN", "01", "\uFFFF");
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(UnaryOperator.identity())),
        Tuple.of(2, where.map(w -> text -> text.substring(0, (int) (text.length() * w)))),
        Tuple.of(
            2,
            Combinators.combine(where, fragment)
                .as((w, f) ->
                    text -> {
                      int at = (int) (text.length() * w);
                      return text.substring(0, at) + f + text.substring(at);
                    })));
  }

  /** {@code s} as a JSON string literal. */
  static String quote(String s) {
    StringBuilder text = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
