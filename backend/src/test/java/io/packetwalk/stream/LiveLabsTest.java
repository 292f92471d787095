package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.lab.LabDocument;
import io.packetwalk.shell.RunLimits;
import io.packetwalk.stream.protocol.Protocol.Command;
import io.packetwalk.stream.protocol.Protocol.LiveEdit;
import io.packetwalk.stream.protocol.Protocol.NamespaceRef;
import io.packetwalk.stream.protocol.Protocol.Ping;
import io.packetwalk.stream.protocol.Protocol.PresenterStep;
import io.packetwalk.stream.protocol.Protocol.ServerMessage;
import io.packetwalk.stream.protocol.Protocol.TopologyChange;
import io.packetwalk.stream.protocol.Protocol.TraceEnd;
import io.packetwalk.stream.protocol.Protocol.TraceStart;
import io.packetwalk.system.SimulationSlots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances' live labs in one process: each {@link LiveLabs} keeps its own copy of the world,
 * and they share only an edit log and a bus, as two servers share PostgreSQL. Changes sent to both
 * at once leave both copies the same; a presenter on one moves a follower on the other.
 */
class LiveLabsTest {

  private static final NamespaceRef ROOT = new NamespaceRef("host1", "");
  private static final LabDocument DOCUMENT =
      new LabSession(BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE)).document();
  private static final SavedLabs.Found LAB =
      new SavedLabs.Found("L1", 1, Instant.EPOCH, DOCUMENT, false);
  private static final SavedLabs SAVED =
      new SavedLabs() {
        @Override
        public Opening open(String id, String secret, Integer version) {
          return LAB;
        }

        @Override
        public Opening stored(String id, int version) {
          return LAB;
        }
      };

  private final SimulationSlots slots =
      new SimulationSlots(
          new SimulationSlots.LaneSize(2, 256),
          new SimulationSlots.LaneSize(1, 1),
          Duration.ofSeconds(30));
  private final LabSession.Run run = new LabSession.Run(slots, RunLimits.DEFAULTS, () -> false);
  private final LiveLog log = new MemoryLiveLog();
  private final LocalLiveBus bus = new LocalLiveBus();
  private final LiveLabs instanceA = new LiveLabs(log, bus, SAVED, run);
  private final LiveLabs instanceB = new LiveLabs(log, bus, SAVED, run);

  @AfterEach
  void close() {
    bus.close();
    slots.close();
  }

  /** A tab: what it was sent, in order. */
  private static final class Tab {
    final List<ServerMessage> received = new ArrayList<>();
    final LiveMember member;

    Tab(String key, boolean canEdit) {
      member = new LiveMember(key, canEdit, this::add);
    }

    private synchronized void add(List<ServerMessage> messages) {
      received.addAll(messages);
    }

    synchronized List<ServerMessage> received() {
      return List.copyOf(received);
    }
  }

  @Test
  void aChangeOnOneInstanceReachesATabOnTheOther() throws Exception {
    Tab alice = new Tab("a/1", true);
    Tab bob = new Tab("b/1", true);
    LiveLab labA = instanceA.join(LAB, alice.member, world -> {});
    LiveLab labB = instanceB.join(LAB, bob.member, world -> {});
    assertThat(labA).isNotSameAs(labB);

    instanceA.change(labA, new Command("r1", ROOT, "ip netns add shared"), alice.member);

    awaitTrue(() -> bob.received().size() >= 2);
    assertThat(bob.received().get(0)).isInstanceOf(LiveEdit.class);
    assertThat(((LiveEdit) bob.received().get(0)).commands().getFirst().line())
        .isEqualTo("ip netns add shared");
    assertThat(bob.received().get(1).toString()).contains("shared");
    assertThat(alice.received().getFirst().type()).isEqualTo("commandResult");
    assertThat(labB.session().topology()).isEqualTo(labA.session().topology());
  }

  @Test
  void changesSentToBothInstancesAtOnceLeaveBothCopiesTheSame() throws Exception {
    Tab alice = new Tab("a/1", true);
    Tab bob = new Tab("b/1", true);
    LiveLab labA = instanceA.join(LAB, alice.member, world -> {});
    LiveLab labB = instanceB.join(LAB, bob.member, world -> {});
    int each = 12;
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < each; i++) {
        String a = "ip netns add a" + i;
        String b = i % 3 == 0 ? "ip netns del a" + i : "ip netns add b" + i;
        sent.add(
            pool.submit(() -> instanceA.change(labA, new Command("r", ROOT, a), alice.member)));
        sent.add(pool.submit(() -> instanceB.change(labB, new Command("r", ROOT, b), bob.member)));
      }
      for (Future<?> future : sent) {
        future.get();
      }
    }
    labA.catchUp();
    labB.catchUp();
    assertThat(log.after("L1", 0)).hasSize(2 * each);
    assertThat(labB.session().topology())
        .as("the same rows in the same order give the same world, whichever instance sent them")
        .isEqualTo(labA.session().topology());
    assertThat(labA.session().document()).isEqualTo(labB.session().document());
  }

  @Test
  void aPresentersStepOnOneInstanceMovesAFollowerOnTheOther() throws Exception {
    Tab presenter = new Tab("a/1", true);
    Tab follower = new Tab("b/1", false);
    LiveLab labA = instanceA.join(LAB, presenter.member, world -> {});
    LiveLab labB = instanceB.join(LAB, follower.member, world -> {});
    instanceA.change(
        labA, new Ping("p1", new NamespaceRef("host1", "ns1"), "10.0.0.2", 1), presenter.member);
    long seq = labA.traceOf(presenter.member, "p1");

    instanceA.present(labA, seq, 3, presenter.member);
    awaitTrue(() -> follower.received().stream().anyMatch(PresenterStep.class::isInstance));
    List<ServerMessage> got = follower.received();
    assertThat(got.getFirst())
        .isEqualTo(new TraceStart("live:" + seq, "ping -c 1 10.0.0.2 from ns1"));
    TraceEnd end = (TraceEnd) got.get(got.size() - 2);
    assertThat(end.requestId()).isEqualTo("live:" + seq);
    assertThat(got.getLast()).isEqualTo(new PresenterStep("live:" + seq, 3));
    assertThat(presenter.received().stream().filter(PresenterStep.class::isInstance))
        .as("the presenter is not sent its own steps")
        .isEmpty();

    instanceA.present(labA, seq, 4, presenter.member);
    awaitTrue(() -> follower.received().getLast().equals(new PresenterStep("live:" + seq, 4)));
    assertThat(follower.received()).hasSize(got.size() + 1);
    assertThat(follower.received().stream().filter(TopologyChange.class::isInstance)).isEmpty();
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
