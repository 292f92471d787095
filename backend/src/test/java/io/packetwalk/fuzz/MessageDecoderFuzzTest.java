package io.packetwalk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.stream.protocol.MessageDecoder;
import io.packetwalk.stream.protocol.ProtocolException;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The WebSocket decoder answers every message it cannot accept with a ProtocolException carrying
 * one of the protocol's closed error reasons and a sentence; no other exception escapes.
 */
class MessageDecoderFuzzTest {

  private final MessageDecoder decoder = new MessageDecoder();

  @Property
  void everyMessageDecodesOrIsRefusedWithAReason(@ForAll("messages") String message) {
    try {
      assertThat(decoder.decode(message)).isNotNull();
    } catch (ProtocolException refused) {
      assertThat(refused.error().reason()).isNotNull();
      assertThat(refused.error().message()).isNotBlank();
    }
  }

  @Example
  void aMessageNestedDeeperThanTheParserLimitIsRefusedWithAReason() {
    everyMessageDecodesOrIsRefusedWithAReason(
        "{\"v\":1,\"type\":\"hello\",\"x\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}");
  }

  @Example
  void aNumberOfMoreThanAThousandDigitsIsRefusedWithAReason() {
    everyMessageDecodesOrIsRefusedWithAReason("{\"v\":" + "9".repeat(1_001) + "}");
  }

  @Provide
  Arbitrary<String> messages() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            8,
            Combinators.combine(fields(), JsonText.breakers())
                .as((fields, broken) -> broken.apply(JsonText.object(fields)))),
        Tuple.of(2, JsonText.values()));
  }

  /** A message's fields: each present or not, with a plausible value or any JSON value. */
  private static Arbitrary<Map<String, String>> fields() {
    Arbitrary<String> ref =
        Combinators.combine(field("\"host1\""), field("\"ns1\""))
            .as((host, netns) -> JsonText.object(present(Map.of("host", host, "netns", netns))));
    return Combinators.combine(
            field("1"),
            field("\"hello\"", "\"ping\"", "\"command\""),
            field("\"r1\""),
            Arbitraries.oneOf(ref, JsonText.values()),
            field("\"10.0.0.2\"", "\"999.1.1.1\""),
            field("1", "10", "11"),
            field("\"ip -br addr\""))
        .as((v, type, id, ref2, to, count, line) -> {
          Map<String, String> all = new LinkedHashMap<>();
          all.put("v", v);
          all.put("type", type);
          all.put("requestId", id);
          all.put("from", ref2);
          all.put("netns", ref2);
          all.put("to", to);
          all.put("count", count);
          all.put("line", line);
          return present(all);
        });
  }

  /** A field's text: one of the plausible values, any JSON value, or absent (empty). */
  private static Arbitrary<String> field(String... plausible) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(plausible)),
        Tuple.of(3, JsonText.values()),
        Tuple.of(1, Arbitraries.just("")));
  }

  private static Map<String, String> present(Map<String, String> fields) {
    Map<String, String> kept = new LinkedHashMap<>();
    fields.forEach((name, value) -> {
      if (!value.isEmpty()) {
        kept.put(name, value);
      }
    });
    return kept;
  }
}
