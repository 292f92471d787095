package io.packetwalk.stream.protocol;

import io.packetwalk.lab.LabProbe;
import io.packetwalk.lab.LabValueException;
import io.packetwalk.net.Ipv4Address;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.ErrorReason;
import io.packetwalk.stream.protocol.Protocol.ExportLab;
import io.packetwalk.stream.protocol.Protocol.Follow;
import io.packetwalk.stream.protocol.Protocol.Hello;
import io.packetwalk.stream.protocol.Protocol.Inspect;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import io.packetwalk.stream.protocol.Protocol.Present;
import io.packetwalk.stream.protocol.Protocol.SavedProbe;
import io.packetwalk.stream.protocol.Protocol.SessionToken;
import io.packetwalk.stream.protocol.Protocol.SharedRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one client message and checks it against the protocol: version first, then the type tag,
 * then every field the type needs. Anything else is refused with a {@link ProtocolException} whose
 * sentence says what to fix. Unknown extra fields are ignored.
 */
public final class MessageDecoder {

  /** The longest message accepted, in characters (64 KiB). */
  public static final int MAX_MESSAGE_CHARS = 64 * 1024;

  /** The longest request id accepted, in characters. */
  static final int MAX_REQUEST_ID_CHARS = 128;

  private static final String TYPES = String.join(", ", Protocol.CLIENT_TYPES);

  /** How deep a message may nest; real messages use four levels. */
  static final int MAX_NESTING = 32;

  /** The most digits a number may have; real messages use at most a few. */
  static final int MAX_NUMBER_DIGITS = 32;

  /** The longest session id or secret accepted in {@code hello.resume}, in characters. */
  static final int MAX_TOKEN_CHARS = 128;

  private final JsonMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING)
                          .maxNumberLength(MAX_NUMBER_DIGITS)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** The error for a message of {@code length} characters, longer than the limit. */
  public static ProtocolException tooLarge(long length) {
    return new ProtocolException(
        null,
        ErrorReason.MESSAGE_TOO_LARGE,
        "The message has "
            + length
            + " characters, more than the "
            + MAX_MESSAGE_CHARS
            + " this server accepts; send a shorter command.");
  }

  /** Decodes one message, or throws {@link ProtocolException} saying why it cannot. */
  public ClientMessage decode(String text) {
    if (text.length() > MAX_MESSAGE_CHARS) {
      throw tooLarge(text.length());
    }
    JsonNode root = parse(text);
    String requestId = readableRequestId(root);
    checkVersion(root, requestId);
    String type = type(root, requestId);
    return switch (type) {
      case "hello" -> hello(root);
      case "ping" -> ping(root);
      case "command" -> command(root);
      case "exportLab" -> exportLab(root);
      case "edit" -> edit(root);
      case "place" -> place(root);
      case "inspect" -> inspect(root);
      case "present" -> present(root);
      case "follow" -> follow(root);
      default ->
          throw new ProtocolException(
              requestId,
              ErrorReason.UNKNOWN_TYPE,
              "Unknown message type \"" + type + "\"; expected one of: " + TYPES + ".");
    };
  }

  private JsonNode parse(String text) {
    JsonNode root;
    try {
      root = mapper.readTree(text);
    } catch (StreamConstraintsException e) {
      throw new ProtocolException(
          null,
          ErrorReason.MALFORMED_JSON,
          "The message is refused: it nests deeper than "
              + MAX_NESTING
              + " levels or has a number longer than "
              + MAX_NUMBER_DIGITS
              + " digits"
              + at(e)
              + "; protocol messages are small and shallow.");
    } catch (JacksonException e) {
      throw new ProtocolException(
          null,
          ErrorReason.MALFORMED_JSON,
          "The message is not valid JSON (" + e.getOriginalMessage() + at(e) + ").");
    }
    if (root == null || !root.isObject()) {
      throw new ProtocolException(
          null,
          ErrorReason.MALFORMED_JSON,
          "A message must be one JSON object such as {\"v\": 1, \"type\": \"hello\"}, but this is "
              + describe(root)
              + ".");
    }
    return root;
  }

  /** ", at line L, column C" when the parser knows where it stopped, else nothing. */
  private static String at(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() < 1) {
      return "";
    }
    return ", at line " + where.getLineNr() + ", column " + where.getColumnNr();
  }

  private static Hello hello(JsonNode root) {
    String lab = labId(root.get("lab"));
    SharedRef shared = shared(root.get("shared"));
    JsonNode resume = root.get("resume");
    if (resume == null || resume.isNull()) {
      return new Hello(null, lab, shared);
    }
    if (!resume.isObject()) {
      throw invalid(
          null,
          "\"resume\" in the hello message must be the session the server gave, {\"id\": …,"
              + " \"secret\": …}, not "
              + describe(resume)
              + ".");
    }
    String id = requiredString(resume, "id", null, "resume object", "the session id");
    String secret = requiredString(resume, "secret", null, "resume object", "the session secret");
    if (id.length() > MAX_TOKEN_CHARS || secret.length() > MAX_TOKEN_CHARS) {
      throw invalid(null, "\"resume\" holds an id or secret longer than the server ever gives.");
    }
    return new Hello(new SessionToken(id, secret), lab, shared);
  }

  /** {@code hello.shared}: absent or null, or {@code {"id", "secret", "version"?}}. */
  private static SharedRef shared(JsonNode shared) {
    if (shared == null || shared.isNull()) {
      return null;
    }
    if (!shared.isObject()) {
      throw invalid(
          null,
          "\"shared\" in the hello message must be a saved lab, {\"id\": …, \"secret\": …},"
              + " not "
              + describe(shared)
              + ".");
    }
    String id = requiredString(shared, "id", null, "shared object", "the saved lab's id");
    String secret = requiredString(shared, "secret", null, "shared object", "the link's secret");
    if (id.length() > MAX_TOKEN_CHARS || secret.length() > MAX_TOKEN_CHARS) {
      throw invalid(null, "\"shared\" holds an id or secret longer than any link has.");
    }
    JsonNode version = shared.get("version");
    if (version == null || version.isNull()) {
      return new SharedRef(id, secret, null);
    }
    if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
      throw invalid(
          null,
          "\"version\" in \"shared\" must be a version number (1, 2, …), not "
              + describe(version)
              + ".");
    }
    return new SharedRef(id, secret, version.intValue());
  }

  /** {@code hello.lab}: absent or null, or a built-in lab's id (lower case, digits, dashes). */
  private static String labId(JsonNode lab) {
    if (lab == null || lab.isNull()) {
      return null;
    }
    if (!lab.isString() || !lab.stringValue().matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw invalid(
          null,
          "\"lab\" in the hello message must be a built-in lab's id such as \"flannel-vxlan\","
              + " not "
              + describe(lab)
              + ".");
    }
    return lab.stringValue();
  }

  /** The request id when it is usable, so that even a refusal can name its request. */
  private static String readableRequestId(JsonNode root) {
    JsonNode id = root.get("requestId");
    if (id != null && id.isString() && isValidRequestId(id.stringValue())) {
      return id.stringValue();
    }
    return null;
  }

  private static boolean isValidRequestId(String id) {
    return !id.isEmpty() && id.length() <= MAX_REQUEST_ID_CHARS;
  }

  private static void checkVersion(JsonNode root, String requestId) {
    JsonNode v = root.get("v");
    if (v == null) {
      throw new ProtocolException(
          requestId,
          ErrorReason.MISSING_FIELD,
          "The message has no \"v\" field; every message carries the protocol version, \"v\": "
              + Protocol.VERSION
              + ".");
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.INVALID_FIELD,
          "\"v\" must be the protocol version as a whole number ("
              + Protocol.VERSION
              + "), not "
              + v
              + ".");
    }
    if (v.intValue() != Protocol.VERSION) {
      throw new ProtocolException(
          requestId,
          ErrorReason.VERSION_MISMATCH,
          "This server speaks protocol version "
              + Protocol.VERSION
              + ", but the message says version "
              + v.intValue()
              + ". Reload the page to get a matching client.");
    }
  }

  private static String type(JsonNode root, String requestId) {
    JsonNode type = root.get("type");
    if (type == null) {
      throw new ProtocolException(
          requestId,
          ErrorReason.MISSING_FIELD,
          "The message has no \"type\" field; expected one of: " + TYPES + ".");
    }
    if (!type.isString()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.INVALID_FIELD,
          "\"type\" must be a string, one of: " + TYPES + "; not " + describe(type) + ".");
    }
    return type.stringValue();
  }

  private static Ping ping(JsonNode root) {
    String requestId = requestId(root, "ping");
    NamespaceRef from = namespaceRef(root, "from", requestId, "ping", "the namespace to ping from");
    String to = requiredString(root, "to", requestId, "ping message", "the IPv4 address to ping");
    if (Ipv4Address.tryParse(to).isEmpty()) {
      throw invalid(
          requestId, "\"to\" must be an IPv4 address such as 10.0.0.2, not " + quote(to) + ".");
    }
    int count = Ping.DEFAULT_COUNT;
    JsonNode countNode = root.get("count");
    if (countNode != null) {
      if (!countNode.isIntegralNumber()
          || !countNode.canConvertToInt()
          || countNode.intValue() < Ping.MIN_COUNT
          || countNode.intValue() > Ping.MAX_COUNT) {
        throw invalid(
            requestId,
            "\"count\" must be a whole number from "
                + Ping.MIN_COUNT
                + " to "
                + Ping.MAX_COUNT
                + ", not "
                + countNode
                + ".");
      }
      count = countNode.intValue();
    }
    return new Ping(requestId, from, to, count);
  }

  private static Command command(JsonNode root) {
    String requestId = requestId(root, "command");
    NamespaceRef netns =
        namespaceRef(root, "netns", requestId, "command", "the namespace to run the line in");
    String line =
        requiredString(root, "line", requestId, "command message", "the shell line to run");
    // Lines joined with \n are one command only when the first opens a here-document; the shell's
    // parser says so (exit 2) when they are not, as for any other line it cannot run.
    if (line.indexOf('\r') >= 0) {
      throw invalid(
          requestId,
          "\"line\" must not contain carriage returns; join a here-document's lines with \\n.");
    }
    return new Command(requestId, netns, line);
  }

  private static Edit edit(JsonNode root) {
    String requestId = requestId(root, "edit");
    String label =
        requiredString(root, "label", requestId, "edit message", "what the person did, in words");
    if (label.length() > Edit.MAX_LABEL_CHARS) {
      throw invalid(
          requestId,
          "\"label\" is "
              + label.length()
              + " characters long; the limit is "
              + Edit.MAX_LABEL_CHARS
              + ".");
    }
    JsonNode list = root.get("commands");
    if (list == null || list.isNull()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.MISSING_FIELD,
          "The edit message has no \"commands\" field: the lines that carry the edit out.");
    }
    if (!list.isArray() || list.isEmpty() || list.size() > Edit.MAX_COMMANDS) {
      throw invalid(
          requestId,
          "\"commands\" must be an array of 1 to "
              + Edit.MAX_COMMANDS
              + " {\"netns\": …, \"line\": …} objects, not "
              + describe(list)
              + ".");
    }
    List<EditCommand> commands = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw invalid(
            requestId,
            "each of \"commands\" must be an object {\"netns\": …, \"line\": …}, not "
                + describe(item)
                + ".");
      }
      NamespaceRef netns =
          namespaceRef(
              item, "netns", requestId, "edit command", "the namespace to run the line in");
      String line =
          requiredString(item, "line", requestId, "edit command", "the shell line to run");
      if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
        throw invalid(requestId, "an edit's line must be one line, without line breaks.");
      }
      commands.add(new EditCommand(netns, line));
    }
    return new Edit(requestId, label, commands);
  }

  private static Place place(JsonNode root) {
    JsonNode list = root.get("positions");
    if (list == null || list.isNull()) {
      throw new ProtocolException(
          null,
          ErrorReason.MISSING_FIELD,
          "The place message has no \"positions\" field: where the namespace boxes are.");
    }
    if (!list.isArray() || list.size() > Place.MAX_POSITIONS) {
      throw invalid(
          null,
          "\"positions\" must be an array of at most "
              + Place.MAX_POSITIONS
              + " {\"host\", \"netns\", \"x\", \"y\"} objects, not "
              + describe(list)
              + ".");
    }
    List<Position> positions = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw invalid(null, "each position must be an object, not " + describe(item) + ".");
      }
      String host = requiredString(item, "host", null, "position", "the host's name");
      String netns = requiredString(item, "netns", null, "position", "the namespace's name");
      positions.add(new Position(host, netns, coordinate(item, "x"), coordinate(item, "y")));
    }
    return new Place(positions);
  }

  private static double coordinate(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw invalid(
          null,
          "\"" + field + "\" of a position must be a finite number, not " + describe(value) + ".");
    }
    return value.doubleValue();
  }

  private static ExportLab exportLab(JsonNode root) {
    String requestId = requestId(root, "exportLab");
    JsonNode list = root.get("probes");
    if (list == null || list.isNull()) {
      return new ExportLab(requestId, null);
    }
    if (!list.isArray() || list.size() > LabProbe.MAX_PROBES) {
      throw invalid(
          requestId,
          "\"probes\" must be an array of at most "
              + LabProbe.MAX_PROBES
              + " {\"from\", \"ping\" or \"run\"} objects, not "
              + describe(list)
              + ".");
    }
    List<SavedProbe> probes = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw invalid(requestId, "each probe must be an object, not " + describe(item) + ".");
      }
      NamespaceRef from = namespaceRef(item, "from", requestId, "probe", "where the probe starts");
      String ping = optionalString(item, "ping", requestId);
      String run = optionalString(item, "run", requestId);
      try {
        LabProbe.checked(from.host(), from.netns(), ping, run);
      } catch (LabValueException e) {
        throw invalid(requestId, "a probe's \"" + e.field() + "\" " + e.reason() + ".");
      }
      probes.add(new SavedProbe(from, ping, run));
    }
    return new ExportLab(requestId, probes);
  }

  private static String optionalString(JsonNode parent, String field, String requestId) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw invalid(
          requestId, "\"" + field + "\" of a probe must be a string, not " + describe(value) + ".");
    }
    return value.stringValue();
  }

  private static Present present(JsonNode root) {
    JsonNode trace = root.get("trace");
    if (trace == null || trace.isNull()) {
      return new Present(null, -1);
    }
    if (!trace.isString() || !isValidRequestId(trace.stringValue())) {
      throw invalid(
          null,
          "\"trace\" in the present message must be the request id of the trace shown (1 to "
              + MAX_REQUEST_ID_CHARS
              + " characters) or null to stop presenting, not "
              + describe(trace)
              + ".");
    }
    JsonNode step = root.get("step");
    if (step == null || step.isNull()) {
      throw new ProtocolException(
          null,
          ErrorReason.MISSING_FIELD,
          "The present message has no \"step\" field: the step shown, from -1 (before the first).");
    }
    if (!step.isIntegralNumber()
        || !step.canConvertToInt()
        || step.intValue() < -1
        || step.intValue() > Present.MAX_STEP) {
      throw invalid(
          null,
          "\"step\" must be a whole number from -1 to "
              + Present.MAX_STEP
              + ", not "
              + describe(step)
              + ".");
    }
    return new Present(trace.stringValue(), step.intValue());
  }

  private static Follow follow(JsonNode root) {
    JsonNode following = root.get("following");
    if (following == null || following.isNull()) {
      throw new ProtocolException(
          null,
          ErrorReason.MISSING_FIELD,
          "The follow message has no \"following\" field: true to follow the presenter.");
    }
    if (!following.isBoolean()) {
      throw invalid(null, "\"following\" must be true or false, not " + describe(following) + ".");
    }
    return new Follow(following.booleanValue());
  }

  private static Inspect inspect(JsonNode root) {
    String requestId = requestId(root, "inspect");
    return new Inspect(
        requestId,
        namespaceRef(root, "netns", requestId, "inspect", "the namespace whose state to read"));
  }

  private static String requestId(JsonNode root, String type) {
    JsonNode id = root.get("requestId");
    if (id == null || id.isNull()) {
      throw new ProtocolException(
          null,
          ErrorReason.MISSING_FIELD,
          "The "
              + type
              + " message has no \"requestId\" field; give each request a string id, e.g. \"r1\".");
    }
    if (!id.isString() || !isValidRequestId(id.stringValue())) {
      throw invalid(
          null,
          "\"requestId\" must be a string of 1 to "
              + MAX_REQUEST_ID_CHARS
              + " characters, not "
              + describe(id)
              + ".");
    }
    return id.stringValue();
  }

  private static NamespaceRef namespaceRef(
      JsonNode root, String field, String requestId, String type, String meaning) {
    JsonNode ref = root.get(field);
    String example = "e.g. {\"host\": \"host1\", \"netns\": \"ns1\"}";
    if (ref == null || ref.isNull()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.MISSING_FIELD,
          "The "
              + type
              + " message has no \""
              + field
              + "\" field: "
              + meaning
              + ", "
              + example
              + ".");
    }
    if (!ref.isObject()) {
      throw invalid(
          requestId,
          "\""
              + field
              + "\" must be a namespace reference, "
              + example
              + "; not "
              + describe(ref)
              + ".");
    }
    String owner = "\"" + field + "\" reference";
    String host = requiredString(ref, "host", requestId, owner, "the host's name");
    String netns =
        requiredString(
            ref, "netns", requestId, owner, "the namespace's name, \"\" for the root namespace");
    return new NamespaceRef(host, netns);
  }

  private static String requiredString(
      JsonNode parent, String field, String requestId, String owner, String meaning) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw new ProtocolException(
          requestId,
          ErrorReason.MISSING_FIELD,
          "The " + owner + " has no \"" + field + "\" field: " + meaning + ".");
    }
    if (!value.isString()) {
      throw invalid(
          requestId,
          "\""
              + field
              + "\" in the "
              + owner
              + " must be a string ("
              + meaning
              + "), not "
              + describe(value)
              + ".");
    }
    return value.stringValue();
  }

  private static ProtocolException invalid(String requestId, String message) {
    return new ProtocolException(requestId, ErrorReason.INVALID_FIELD, message);
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** Names a JSON value for an error sentence: its kind, and the value when it is short. */
  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "empty";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING ->
          node.stringValue().length() <= 40
              ? "the string " + quote(node.stringValue())
              : "a string of " + node.stringValue().length() + " characters";
      case NUMBER -> "the number " + node;
      case BOOLEAN -> node.toString();
      case NULL -> "null";
      default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT) + " value";
    };
  }
}
