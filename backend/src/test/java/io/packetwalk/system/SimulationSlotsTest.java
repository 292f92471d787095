package io.packetwalk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packetwalk.system.SimulationSlots.LaneSize;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulationSlotsTest {

  /** Callers on threads of their own: the common pool may have a single thread here. */
  private static final Executor CALLERS = Executors.newVirtualThreadPerTaskExecutor();

  @Test
  void runsWorkAndHandsBackItsResult() {
    try (SimulationSlots slots = slots(1, 1, Duration.ofSeconds(5))) {
      assertThat(slots.run(() -> "done")).isEqualTo("done");
      assertThat(slots.runScript(() -> 42)).isEqualTo(42);
    }
  }

  @Test
  void rethrowsTheWorksOwnUncheckedException() {
    try (SimulationSlots slots = slots(1, 1, Duration.ofSeconds(5))) {
      assertThatThrownBy(() ->
              slots.run(() -> {
                throw new IllegalArgumentException("bad input");
              }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad input");
    }
  }

  @Test
  void refusesWorkWhenEverySlotAndTheWaitingLineAreTaken() throws Exception {
    try (SimulationSlots slots = slots(1, 1, Duration.ofSeconds(30))) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Object> running = holdSlot(slots, release);
      CompletableFuture<Object> waiting = holdSlot(slots, release);
      awaitBusy(slots, 2);
      assertThatThrownBy(() -> slots.run(() -> "third"))
          .isInstanceOf(ServerBusyException.class)
          .hasMessageContaining("limit of 1 simulation with 1 more waiting")
          .hasMessageContaining("packetwalk.limits.concurrent-runs");
      release.countDown();
      running.get(5, TimeUnit.SECONDS);
      waiting.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void scriptsDoNotTakeTheInteractiveLanesSlots() throws Exception {
    try (SimulationSlots slots = slots(1, 0, Duration.ofSeconds(30))) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> script =
          CompletableFuture.runAsync(
              () -> slots.runScript(() -> release.await(10, TimeUnit.SECONDS)), CALLERS);
      awaitBusy(slots, 1);
      assertThat(slots.run(() -> "still answered")).isEqualTo("still answered");
      assertThatThrownBy(() -> slots.runScript(() -> "second script"))
          .isInstanceOf(ServerBusyException.class)
          .hasMessageContaining("packetwalk.limits.concurrent-scripts");
      release.countDown();
      script.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void refusesWorkThatWaitedLongerThanTheQueueWait() throws Exception {
    try (SimulationSlots slots = slots(1, 1, Duration.ofMillis(50))) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Object> running = holdSlot(slots, release);
      awaitBusy(slots, 1);
      CompletableFuture<String> late =
          CompletableFuture.supplyAsync(() -> slots.run(() -> "late"), CALLERS);
      Thread.sleep(200);
      release.countDown();
      assertThat(late)
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(ServerBusyException.class);
      running.get(5, TimeUnit.SECONDS);
    }
  }

  private static SimulationSlots slots(int concurrent, int queued, Duration wait) {
    return new SimulationSlots(
        new LaneSize(concurrent, queued), new LaneSize(concurrent, queued), wait);
  }

  private static CompletableFuture<Object> holdSlot(SimulationSlots slots, CountDownLatch release) {
    return CompletableFuture.supplyAsync(
        () -> slots.run(() -> release.await(10, TimeUnit.SECONDS)), CALLERS);
  }

  private static void awaitBusy(SimulationSlots slots, int busy) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (slots.busy() < busy && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(slots.busy()).isEqualTo(busy);
  }
}
