package io.packetwalk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.lab.LabBuilder;
import io.packetwalk.lab.LabProblem;
import io.packetwalk.store.LabDocumentCodec;
import io.packetwalk.store.LabFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The lab JSON reader, as the store uses it (read, then the builder's check), on mutated lab
 * documents: field values swapped for other types, 1,000-digit numbers, deep nesting, unknown and
 * missing fields, truncated text. Only a LabFormatException whose problems each name a JSON path
 * ("$" for the whole document, "hosts[0].name" below it) may come out.
 */
class LabDocumentFuzzTest {

  private static final List<String> SEEDS =
      List.of("/labs/two-pods-on-a-bridge.json", "/labs/v0-two-pods-on-a-bridge.json");

  /** Stands for the mutated node while the document is printed; then replaced by the mutant. */
  private static final String MARK = "\u0001mutant\u0001";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LabDocumentCodec codec = new LabDocumentCodec();

  @Property
  void everyDocumentReadsOrIsRefusedWithJsonPaths(@ForAll("documents") String text) {
    try {
      LabDocumentCodec.Decoded decoded = codec.read(text.getBytes(StandardCharsets.UTF_8));
      assertThat(LabBuilder.check(decoded.document())).isNotNull();
    } catch (LabFormatException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(refused.problems()).isNotEmpty();
      for (LabProblem problem : refused.problems()) {
        assertThat(problem.path()).as("JSON path of %s", problem).isNotBlank();
        assertThat(problem.message()).isNotBlank();
      }
    }
  }

  @Provide
  Arbitrary<String> documents() {
    List<JsonNode> seeds = SEEDS.stream().map(LabDocumentFuzzTest::seed).toList();
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, seeds.size() - 1),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.of(Kind.values()),
                JsonText.values(),
                JsonText.breakers())
            .as(Mutation::new);
    return mutation.list().ofMinSize(1).ofMaxSize(3).map(ms -> apply(seeds, ms));
  }

  /** How one node of the document is changed. */
  private enum Kind {
    REPLACE,
    ADD_UNKNOWN_FIELD,
    REMOVE
  }

  private record Mutation(
      int seed, int node, Kind kind, String value, UnaryOperator<String> breaker) {}

  /** Applies the mutations to one seed; each mutation after the first works on the text so far. */
  private static String apply(List<JsonNode> seeds, List<Mutation> mutations) {
    JsonNode tree = seeds.get(mutations.getFirst().seed()).deepCopy();
    List<String> mutants = new ArrayList<>();
    for (Mutation m : mutations) {
      List<JsonNode> containers = new ArrayList<>();
      collect(tree, containers);
      JsonNode container = containers.get(m.node() % containers.size());
      String mark = MARK + mutants.size();
      mutate(container, m, mark);
      mutants.add(m.value());
    }
    String text = JSON.writeValueAsString(tree);
    for (int i = 0; i < mutants.size(); i++) {
      text = text.replace(JsonText.quote(MARK + i), mutants.get(i));
    }
    return mutations.getLast().breaker().apply(text);
  }

  private static void mutate(JsonNode container, Mutation m, String mark) {
    if (container instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      String name = names.isEmpty() ? "x" : names.get(m.node() % names.size());
      switch (m.kind()) {
        case REPLACE -> object.set(name, StringNode.valueOf(mark));
        case ADD_UNKNOWN_FIELD -> object.set("unknown" + m.node() % 7, StringNode.valueOf(mark));
        case REMOVE -> object.remove(name);
      }
    } else if (container instanceof ArrayNode array) {
      int at = array.isEmpty() ? 0 : m.node() % array.size();
      switch (m.kind()) {
        case REPLACE -> {
          if (array.isEmpty()) {
            array.add(mark);
          } else {
            array.set(at, StringNode.valueOf(mark));
          }
        }
        case ADD_UNKNOWN_FIELD -> array.insert(at, StringNode.valueOf(mark));
        case REMOVE -> {
          if (!array.isEmpty()) {
            array.remove(at);
          }
        }
      }
    }
  }

  /** Every object and array of the tree, in document order. */
  private static void collect(JsonNode node, List<JsonNode> into) {
    if (node.isObject() || node.isArray()) {
      into.add(node);
      for (JsonNode child : node.values()) {
        collect(child, into);
      }
    }
  }

  private static JsonNode seed(String resource) {
    try (InputStream in = LabDocumentFuzzTest.class.getResourceAsStream(resource)) {
      return JSON.readTree(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
