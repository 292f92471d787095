package io.packetwalk.stream.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {

  private final MessageDecoder decoder = new MessageDecoder();

  @Test
  void pingCountDefaultsToOne() {
    Ping ping =
        (Ping)
            decoder.decode(
                """
                {"v":2,"type":"ping","requestId":"r1","from":{"host":"host1","netns":""},\
                "to":"10.0.0.2"}\
                """);
    assertThat(ping).isEqualTo(new Ping("r1", new NamespaceRef("host1", ""), "10.0.0.2", 1));
  }

  @Test
  void exportLabCarriesTheTabsProbesAndRefusesABadOneNamingIt() {
    String probe = "{\"from\":{\"host\":\"host1\",\"netns\":\"ns1\"},\"ping\":\"%s\"}";
    assertThat(
            decoder.decode(
                "{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"r1\",\"probes\":["
                    + probe.formatted("10.0.0.2")
                    + "]}"))
        .isEqualTo(
            new Protocol.ExportLab(
                "r1",
                List.of(
                    new Protocol.SavedProbe(new NamespaceRef("host1", "ns1"), "10.0.0.2", null))));
    Protocol.Error bad =
        refuse(
            "{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"r1\",\"probes\":["
                + probe.formatted("10.0.0.999")
                + "]}");
    assertThat(bad.reason()).isEqualTo(ErrorReason.INVALID_FIELD);
    assertThat(bad.message())
        .isEqualTo("a probe's \"ping\" must be an IPv4 address like 10.0.0.2, not \"10.0.0.999\".");
    String tooMany =
        String.join(",", java.util.Collections.nCopies(51, probe.formatted("10.0.0.2")));
    assertThat(
            refuse(
                    "{\"v\":2,\"type\":\"exportLab\",\"requestId\":\"r1\",\"probes\":["
                        + tooMany
                        + "]}")
                .message())
        .startsWith("\"probes\" must be an array of at most 50");
  }

  @Test
  void unknownExtraFieldsAreIgnored() {
    assertThat(
            decoder.decode(
                """
                {"v":2,"type":"command","requestId":"r9","netns":{"host":"h","netns":"a"},\
                "line":"ip link","colour":"blue"}\
                """))
        .isEqualTo(new Command("r9", new NamespaceRef("h", "a"), "ip link"));
  }

  @Test
  void refusesTextThatIsNotJson() {
    Protocol.Error error = refuse("{\"v\": 2, \"type\": ");
    assertThat(error.reason()).isEqualTo(ErrorReason.MALFORMED_JSON);
    assertThat(error.message()).startsWith("The message is not valid JSON").contains("line 1");
    assertThat(error.requestId()).isNull();
  }

  @Test
  void refusesJsonThatIsNotOneObject() {
    assertThat(refuse("[1, 2]").message()).contains("one JSON object").contains("an array");
    assertThat(refuse("").reason()).isEqualTo(ErrorReason.MALFORMED_JSON);
    assertThat(refuse("{\"v\":2,\"type\":\"hello\"} {}").reason())
        .isEqualTo(ErrorReason.MALFORMED_JSON);
  }

  @Test
  void refusesDuplicateFields() {
    assertThat(refuse("{\"v\":2,\"v\":1,\"type\":\"hello\"}").reason())
        .isEqualTo(ErrorReason.MALFORMED_JSON);
  }

  @Test
  void refusesAMissingOrWrongVersion() {
    assertThat(refuse("{\"type\":\"hello\"}").reason()).isEqualTo(ErrorReason.MISSING_FIELD);
    assertThat(refuse("{\"v\":\"1\",\"type\":\"hello\"}").reason())
        .isEqualTo(ErrorReason.INVALID_FIELD);
    Protocol.Error error = refuse("{\"v\":1,\"type\":\"hello\",\"requestId\":\"r5\"}");
    assertThat(error.reason()).isEqualTo(ErrorReason.VERSION_MISMATCH);
    assertThat(error.message())
        .isEqualTo(
            "This server speaks protocol version 2, but the message says version 1. Reload the"
                + " page to get a matching client.");
    assertThat(error.requestId()).isEqualTo("r5");
  }

  @Test
  void refusesAMissingOrUnknownType() {
    assertThat(refuse("{\"v\":2}").reason()).isEqualTo(ErrorReason.MISSING_FIELD);
    assertThat(refuse("{\"v\":2,\"type\":7}").reason()).isEqualTo(ErrorReason.INVALID_FIELD);
    Protocol.Error error = refuse("{\"v\":2,\"type\":\"teleport\",\"requestId\":\"r3\"}");
    assertThat(error.reason()).isEqualTo(ErrorReason.UNKNOWN_TYPE);
    assertThat(error.requestId()).isEqualTo("r3");
  }

  @Test
  void namesTheMissingFieldOfAPing() {
    Protocol.Error error =
        refuse("{\"v\":2,\"type\":\"ping\",\"requestId\":\"r1\",\"to\":\"1.2.3.4\"}");
    assertThat(error.reason()).isEqualTo(ErrorReason.MISSING_FIELD);
    assertThat(error.message()).contains("\"from\"");
    assertThat(error.requestId()).isEqualTo("r1");
    assertThat(
            refuse("{\"v\":2,\"type\":\"ping\",\"from\":{\"host\":\"h\",\"netns\":\"\"}}")
                .message())
        .contains("\"requestId\"");
    assertThat(
            refuse(
                    "{\"v\":2,\"type\":\"ping\",\"requestId\":\"r1\",\"from\":{\"netns\":\"a\"},"
                        + "\"to\":\"1.2.3.4\"}")
                .message())
        .contains("\"host\"");
  }

  @Test
  void refusesOutOfRangeOrMistypedPingFields() {
    String base =
        "{\"v\":2,\"type\":\"ping\",\"requestId\":\"r1\",\"from\":{\"host\":\"h\",\"netns\":\"a\"},";
    assertThat(refuse(base + "\"to\":\"10.0.0.300\"}").message()).contains("IPv4 address");
    assertThat(refuse(base + "\"to\":\"10.0.0.2\",\"count\":11}").message())
        .contains("from 1 to 10");
    assertThat(refuse(base + "\"to\":\"10.0.0.2\",\"count\":0}").reason())
        .isEqualTo(ErrorReason.INVALID_FIELD);
    assertThat(refuse(base + "\"to\":\"10.0.0.2\",\"count\":1.5}").reason())
        .isEqualTo(ErrorReason.INVALID_FIELD);
    assertThat(refuse(base + "\"to\":10}").reason()).isEqualTo(ErrorReason.INVALID_FIELD);
  }

  @Test
  void acceptsACommandWithItsHereDocumentOnTheLinesAfterIt() {
    String line = "iptables-restore <<'EOF'\n*filter\n-A INPUT -j DROP\nCOMMIT\nEOF";
    assertThat(
            decoder.decode(
                "{\"v\":2,\"type\":\"command\",\"requestId\":\"r1\","
                    + "\"netns\":{\"host\":\"h\",\"netns\":\"a\"},\"line\":"
                    + "\"iptables-restore <<'EOF'\\n*filter\\n-A INPUT -j DROP\\nCOMMIT\\nEOF\"}"))
        .isEqualTo(new Command("r1", new NamespaceRef("h", "a"), line));
  }

  @Test
  void refusesACommandWithACarriageReturn() {
    Protocol.Error error =
        refuse(
            "{\"v\":2,\"type\":\"command\",\"requestId\":\"r1\","
                + "\"netns\":{\"host\":\"h\",\"netns\":\"a\"},\"line\":\"ip link\\r\\nreboot\"}");
    assertThat(error.reason()).isEqualTo(ErrorReason.INVALID_FIELD);
    assertThat(error.message()).contains("carriage returns");
  }

  @Test
  void refusesMessagesOverTheSizeLimit() {
    String huge =
        "{\"v\":2,\"type\":\"hello\",\"pad\":\""
            + "x".repeat(MessageDecoder.MAX_MESSAGE_CHARS)
            + "\"}";
    Protocol.Error error = refuse(huge);
    assertThat(error.reason()).isEqualTo(ErrorReason.MESSAGE_TOO_LARGE);
    assertThat(error.message()).contains(String.valueOf(MessageDecoder.MAX_MESSAGE_CHARS));
  }

  private Protocol.Error refuse(String text) {
    ProtocolException refused =
        catchThrowableOfType(ProtocolException.class, () -> decoder.decode(text));
    assertThat(refused).as("refusal of %s", text).isNotNull();
    return refused.error();
  }

  @Test
  void aMessageNestedTooDeeplyIsMalformedJsonNotACrash() {
    Protocol.Error error =
        refuse("{\"v\":2,\"type\":\"hello\",\"x\":" + "[".repeat(600) + "]".repeat(600) + "}");
    assertThat(error.reason()).isEqualTo(ErrorReason.MALFORMED_JSON);
    assertThat(error.message()).contains("nests deeper than 32 levels");
  }

  @Test
  void aThousandDigitNumberIsMalformedJsonNotACrash() {
    Protocol.Error error = refuse("{\"v\":" + "9".repeat(1000) + ",\"type\":\"hello\"}");
    assertThat(error.reason()).isEqualTo(ErrorReason.MALFORMED_JSON);
    assertThat(error.message()).contains("longer than 32 digits");
  }

  @Test
  void helloMayCarryTheSessionToResume() {
    assertThat(
            new MessageDecoder()
                .decode("{\"v\":2,\"type\":\"hello\",\"resume\":{\"id\":\"a\",\"secret\":\"b\"}}"))
        .isEqualTo(new Protocol.Hello(new Protocol.SessionToken("a", "b")));
    assertThat(refuse("{\"v\":2,\"type\":\"hello\",\"resume\":7}").reason())
        .isEqualTo(ErrorReason.INVALID_FIELD);
  }

  @Test
  void presentNamesATraceAndAStepOrStops() {
    assertThat(decoder.decode("{\"v\":2,\"type\":\"present\",\"trace\":\"r7\",\"step\":-1}"))
        .isEqualTo(new Protocol.Present("r7", -1));
    assertThat(decoder.decode("{\"v\":2,\"type\":\"present\",\"trace\":null}"))
        .isEqualTo(new Protocol.Present(null, -1));
    assertThat(refuse("{\"v\":2,\"type\":\"present\",\"trace\":\"r7\"}").reason())
        .isEqualTo(ErrorReason.MISSING_FIELD);
    for (String step : new String[] {"-2", "1000001", "1.5", "\"3\""}) {
      Protocol.Error error =
          refuse("{\"v\":2,\"type\":\"present\",\"trace\":\"r7\",\"step\":" + step + "}");
      assertThat(error.reason()).as(step).isEqualTo(ErrorReason.INVALID_FIELD);
      assertThat(error.message()).contains("from -1 to 1000000");
    }
    assertThat(refuse("{\"v\":2,\"type\":\"present\",\"trace\":7,\"step\":0}").message())
        .contains("request id of the trace shown");
    assertThat(
            refuse(
                    "{\"v\":2,\"type\":\"present\",\"trace\":\""
                        + "x".repeat(129)
                        + "\",\"step\":0}")
                .reason())
        .isEqualTo(ErrorReason.INVALID_FIELD);
  }

  @Test
  void followIsTrueOrFalse() {
    assertThat(decoder.decode("{\"v\":2,\"type\":\"follow\",\"following\":false}"))
        .isEqualTo(new Protocol.Follow(false));
    assertThat(refuse("{\"v\":2,\"type\":\"follow\"}").reason())
        .isEqualTo(ErrorReason.MISSING_FIELD);
    assertThat(refuse("{\"v\":2,\"type\":\"follow\",\"following\":\"yes\"}").message())
        .contains("must be true or false");
  }
}
