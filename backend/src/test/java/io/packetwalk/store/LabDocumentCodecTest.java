package io.packetwalk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.packetwalk.lab.LabDeviceKind;
import io.packetwalk.lab.LabDocument;
import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Reading and writing lab documents: the canonical form, every refusal's path, migration, size. */
class LabDocumentCodecTest {

  private final LabDocumentCodec codec = new LabDocumentCodec();

  static String resource(String name) {
    try (InputStream in = LabDocumentCodecTest.class.getResourceAsStream("/labs/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private LabDocumentCodec.Decoded read(String json) {
    return codec.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String minimal(String namespaceExtra, String deviceExtra) {
    return """
    {"schemaVersion": 1, "name": "t", "hosts": [{"name": "host1", "namespaces": [
      {"name": "", "devices": [
        {"name": "lo", "kind": "loopback", "ifindex": 1, "mac": "00:00:00:00:00:00",
         "mtu": 65536, "up": true%s}]%s}]}]}
    """
        .formatted(deviceExtra, namespaceExtra);
  }

  private static LabFormatException refusal(ThrowingCallable read) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(read);
    assertThat(thrown).isInstanceOf(LabFormatException.class);
    return (LabFormatException) thrown;
  }

  @Test
  void readsTheExampleAndWritesItBackToAnEqualDocument() {
    LabDocument document = read(resource("two-pods-on-a-bridge.json")).document();
    assertThat(document.hosts().get(0).namespaces()).hasSize(3);
    assertThat(document.hosts().get(0).namespaces().get(0).devices().get(1).kind())
        .isEqualTo(LabDeviceKind.BRIDGE);
    String written = codec.write(document);
    assertThat(read(written).document()).isEqualTo(document);
    assertThat(codec.write(read(written).document())).isEqualTo(written);
  }

  @Test
  void leavesDefaultsOutWhenWriting() {
    String written = codec.write(read(minimal("", "")).document());
    assertThat(written).doesNotContain("description", "routes", "sysctls", "layout", "notes");
  }

  @Test
  void migratesAVersion0DocumentToTheSameDocumentAsItsVersion1Twin() {
    LabDocumentCodec.Decoded old = read(resource("v0-two-pods-on-a-bridge.json"));
    assertThat(old.writtenVersion()).isZero();
    assertThat(old.migrated()).isTrue();
    assertThat(old.document().schemaVersion()).isEqualTo(LabDocument.SCHEMA_VERSION);
    assertThat(old.document()).isEqualTo(read(resource("two-pods-on-a-bridge.json")).document());
  }

  @Test
  void keepsSavedProbesAndNamesABadOneAtItsPath() {
    String v1 = minimal("", "");
    String withProbes =
        v1.substring(0, v1.lastIndexOf('}'))
            + ", \"probes\": [{\"host\": \"host1\", \"netns\": \"\", \"ping\": \"127.0.0.1\"},"
            + " {\"host\": \"host1\", \"netns\": \"\", \"run\": \"nc -z -v -w 1 127.0.0.1 80\"}]}";
    LabDocument document = read(withProbes).document();
    assertThat(document.probes())
        .extracting(LabProbe::netns, p -> String.valueOf(p.ping()), LabProbe::run)
        .containsExactly(
            tuple("", "127.0.0.1", null), tuple("", "null", "nc -z -v -w 1 127.0.0.1 80"));
    assertThat(read(codec.write(document)).document()).isEqualTo(document);
    LabFormatException bad =
        refusal(() -> read(withProbes.replace("127.0.0.1\"}", "127.0.0.300\"}")));
    assertThat(bad.problems()).extracting(LabProblem::path).containsExactly("probes[0].ping");
  }

  @Test
  void refusesAVersion0NamespaceWithBothNetnsNameAndName() {
    String json =
        minimal("", "")
            .replace("\"schemaVersion\": 1", "\"schemaVersion\": 0")
            .replace(
                "{\"name\": \"\", \"devices\"",
                "{\"name\": \"\", \"netnsName\": \"\", \"devices\"");
    LabFormatException e = refusal(() -> read(json));
    assertThat(e.problems())
        .extracting(LabProblem::path)
        .containsExactly("hosts[0].namespaces[0].netnsName");
  }

  @Test
  void namesTheUnknownFieldByItsPath() {
    LabFormatException e = refusal(() -> read(minimal("", ", \"colour\": \"red\"")));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.INVALID);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("hosts[0].namespaces[0].devices[0].colour");
    assertThat(e.problems().get(0).message()).contains("unknown field \"colour\"", "ifindex");
  }

  @Test
  void namesAnUnknownFieldWithAnEmptyNameByAQuotedPath() {
    LabFormatException e = refusal(() -> read(minimal("", ", \"\": 1")));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.INVALID);
    assertThat(e.problems().get(0).path()).isEqualTo("hosts[0].namespaces[0].devices[0][\"\"]");
    LabFormatException top =
        refusal(() ->
            read(minimal("", "").replace("{\"schemaVersion\"", "{\"\": 1, \"schemaVersion\"")));
    assertThat(top.problems().get(0).path()).isEqualTo("$[\"\"]");
  }

  @Test
  void namesACoordinateTooLargeForADoubleAtItsPath() {
    String huge = "9".repeat(400);
    String layout =
        ", \"layout\": [{\"host\": \"host1\", \"netns\": \"\", \"x\": " + huge + ", \"y\": 1}]";
    String document = minimal("", "");
    String text = document.substring(0, document.lastIndexOf('}')) + layout + "}";
    LabFormatException e = refusal(() -> read(text));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.INVALID);
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).path()).isEqualTo("layout[0].x");
    assertThat(e.problems().get(0).message()).startsWith("expected a number within ±1.7e308");
  }

  @Test
  void reportsBrokenJsonAfterAnEmptyFieldNameAtAQuotedPath() {
    LabFormatException e = refusal(() -> read("{\"schemaVersion\": 1, \"\": }"));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.NOT_JSON);
    assertThat(e.problems().get(0).path()).isEqualTo("$[\"\"]");
  }

  @Test
  void namesTheFieldAndTheExpectedTypeForAWrongType() {
    LabFormatException e =
        refusal(() -> read(minimal("", "").replace("\"mtu\": 65536", "\"mtu\": \"big\"")));
    assertThat(e.problems())
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[0].devices[0].mtu",
                "expected an integer, found a string (\"big\")"));
  }

  @Test
  void reportsEveryProblemNotOnlyTheFirst() {
    String json =
        minimal(", \"routes\": [{\"dst\": \"10.0.0.1/8\", \"dev\": \"lo\"}]", "")
            .replace("\"up\": true", "\"up\": \"yes\"")
            .replace("\"name\": \"t\"", "\"name\": 7");
    LabFormatException e = refusal(() -> read(json));
    assertThat(e.problems())
        .extracting(LabProblem::path)
        .containsExactlyInAnyOrder(
            "name", "hosts[0].namespaces[0].devices[0].up", "hosts[0].namespaces[0].routes[0].dst");
    assertThat(e.problems())
        .filteredOn(p -> p.path().endsWith("dst"))
        .extracting(LabProblem::message)
        .containsExactly("10.0.0.1/8 has host bits set; the route's network is 10.0.0.0/8");
  }

  @Test
  void reportsAValueARecordRefusesAtItsField() {
    String json =
        minimal("", "")
            .replace(
                "\"kind\": \"loopback\", \"ifindex\": 1", "\"kind\": \"loopback\", \"ifindex\": 2");
    LabFormatException e = refusal(() -> read(json));
    assertThat(e.problems())
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[0].devices[0].ifindex",
                "the loopback device is always ifindex 1"));
  }

  @Test
  void namesAMalformedValueAndTheFormExpected() {
    LabFormatException e =
        refusal(() -> read(minimal("", ", \"addresses\": [{\"prefix\": \"10.0.0.300/24\"}]")));
    assertThat(e.problems())
        .containsExactly(
            new LabProblem(
                "hosts[0].namespaces[0].devices[0].addresses[0].prefix",
                "\"10.0.0.300/24\" is not an IPv4 address with a prefix length, like 10.0.0.1/24"));
  }

  @Test
  void namesAMissingRequiredField() {
    LabFormatException e = refusal(() -> read(minimal("", "").replace("\"mtu\": 65536,", "")));
    assertThat(e.problems())
        .containsExactly(new LabProblem("hosts[0].namespaces[0].devices[0].mtu", "is required"));
  }

  @Test
  void namesASysctlValueOfTheWrongType() {
    LabFormatException e =
        refusal(() -> read(minimal(", \"sysctls\": {\"net.ipv4.ip_forward\": true}", "")));
    assertThat(e.problems())
        .extracting(LabProblem::path)
        .containsExactly("hosts[0].namespaces[0].sysctls[\"net.ipv4.ip_forward\"]");
  }

  @Test
  void refusesADocumentWithoutSchemaVersionSayingWhichVersionsExist() {
    LabFormatException e =
        refusal(() -> read(minimal("", "").replace("\"schemaVersion\": 1,", "")));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.UNSUPPORTED_VERSION);
    assertThat(e.problems().get(0).path()).isEqualTo("schemaVersion");
    assertThat(e.getMessage()).contains("schemaVersion is missing", "versions 0 to 1");
  }

  @Test
  void refusesANewerSchemaVersionAskingForANewerPacketwalk() {
    LabFormatException e =
        refusal(
            () -> read(minimal("", "").replace("\"schemaVersion\": 1", "\"schemaVersion\": 9")));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.UNSUPPORTED_VERSION);
    assertThat(e.getMessage()).contains("schemaVersion 9 is newer", "newer Packetwalk");
  }

  @Test
  void refusesASchemaVersionThatIsNotAnInteger() {
    LabFormatException e =
        refusal(() ->
            read(minimal("", "").replace("\"schemaVersion\": 1", "\"schemaVersion\": \"1\"")));
    assertThat(e.problems())
        .containsExactly(
            new LabProblem("schemaVersion", "expected an integer, found a string (\"1\")"));
  }

  @Test
  void reportsBrokenJsonWithLineColumnAndPath() {
    String broken = "{\n  \"schemaVersion\": 1,\n  \"hosts\": [ {\"name\": } ]\n}";
    LabFormatException e = refusal(() -> read(broken));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.NOT_JSON);
    assertThat(e.problems().get(0).path()).isEqualTo("hosts[0].name");
    assertThat(e.problems().get(0).message()).startsWith("line 3, column");
    assertThat(e.getMessage()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void refusesDuplicateFields() {
    LabFormatException e =
        refusal(() ->
            read(minimal("", "").replace("\"name\": \"t\"", "\"name\": \"t\", \"name\": \"u\"")));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.NOT_JSON);
    assertThat(e.problems().get(0).message()).contains("Duplicate", "name");
  }

  @Test
  void refusesTrailingTextAfterTheDocument() {
    LabFormatException e = refusal(() -> read(minimal("", "") + " {}"));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.NOT_JSON);
  }

  @Test
  void refusesATopLevelArray() {
    LabFormatException e = refusal(() -> read("[1, 2]"));
    assertThat(e.problems())
        .containsExactly(
            new LabProblem("$", "expected a lab document (an object), found an array"));
  }

  @Test
  void refusesAnEmptyBody() {
    assertThat(refusal(() -> read("")).reason()).isEqualTo(LabFormatException.Reason.NOT_JSON);
  }

  @Test
  void refusesAnOversizedDocumentNamingTheLimit() {
    byte[] big = new byte[LabDocumentCodec.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    LabFormatException e = refusal(() -> codec.read(big));
    assertThat(e.reason()).isEqualTo(LabFormatException.Reason.TOO_LARGE);
    assertThat(e.getMessage()).contains("8388609 bytes", "8388608 bytes (8 MiB)");
  }

  @Test
  void refusesADocumentWithNoHosts() {
    LabFormatException e =
        refusal(() -> read("{\"schemaVersion\": 1, \"name\": \"t\", \"hosts\": []}"));
    assertThat(e.problems())
        .containsExactly(new LabProblem("hosts", "a lab needs at least one host"));
  }

  @Test
  void failsWithoutAStackTraceOnDeeplyNestedInput() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(LabFormatException.class)
        .hasMessageContaining("nesting depth");
  }
}
