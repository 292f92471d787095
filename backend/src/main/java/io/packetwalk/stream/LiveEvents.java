package io.packetwalk.stream;

import io.packetwalk.stream.protocol.MessageDecoder;
import io.packetwalk.stream.protocol.Protocol;
import io.packetwalk.stream.protocol.Protocol.ClientMessage;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.Edit;
import io.packetwalk.stream.protocol.Protocol.EditCommand;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.Place;
import io.packetwalk.stream.protocol.Protocol.Position;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A live lab's changes as edit log bodies: the client message that made the change, written as the
 * protocol's JSON and read back by the protocol's own decoder, so a replayed change is checked as
 * the original was.
 */
final class LiveEvents {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final MessageDecoder DECODER = new MessageDecoder();

  private LiveEvents() {}

  /** The log body of a change: a command, an edit, a ping or a place message. */
  static String write(ClientMessage message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("v", Protocol.VERSION);
    node.put("type", message.type());
    switch (message) {
      case Command c -> {
        node.put("requestId", c.requestId());
        node.set("netns", netns(c.netns()));
        node.put("line", c.line());
      }
      case Edit e -> {
        node.put("requestId", e.requestId());
        node.put("label", e.label());
        ArrayNode commands = node.putArray("commands");
        for (EditCommand command : e.commands()) {
          ObjectNode line = commands.addObject();
          line.set("netns", netns(command.netns()));
          line.put("line", command.line());
        }
      }
      case Ping p -> {
        node.put("requestId", p.requestId());
        node.set("from", netns(p.from()));
        node.put("to", p.to());
        node.put("count", p.count());
      }
      case Place p -> {
        ArrayNode positions = node.putArray("positions");
        for (Position position : p.positions()) {
          ObjectNode item = positions.addObject();
          item.put("host", position.host());
          item.put("netns", position.netns());
          item.put("x", position.x());
          item.put("y", position.y());
        }
      }
      default ->
          throw new IllegalArgumentException(
              "A " + message.type() + " message does not change a live lab.");
    }
    return MAPPER.writeValueAsString(node);
  }

  /** The change a log body holds. */
  static ClientMessage read(String body) {
    return DECODER.decode(body);
  }

  private static ObjectNode netns(NamespaceRef ref) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("host", ref.host());
    node.put("netns", ref.netns());
    return node;
  }
}
