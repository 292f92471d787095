package io.packetwalk.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.packetwalk.stream.protocol.Protocol.SessionToken;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Labs wait for their tab within the resume window, the parked cap and the lab budget. */
class LabRegistryTest {

  private static final BuiltInLab LAB = BuiltInLab.load(BuiltInLab.DEFAULT_RESOURCE);

  private final AtomicLong clock = new AtomicLong();

  private LabRegistry registry(int maxParked, long budget) {
    return new LabRegistry(Duration.ofMinutes(10), maxParked, budget, clock::get);
  }

  @Test
  void aParkedLabIsResumedWithItsSecretWithinTheWindow() {
    LabRegistry registry = registry(10, 1_000_000);
    LabRegistry.Entry entry = registry.open(new LabSession(LAB), null);
    registry.park(entry, null);
    clock.set(Duration.ofMinutes(9).toNanos());
    registry.expire();
    assertThat(registry.resume(entry.token(), null))
        .hasValueSatisfying(r -> assertThat(r.entry()).isSameAs(entry));
  }

  @Test
  void aWrongSecretResumesNothing() {
    LabRegistry registry = registry(10, 1_000_000);
    LabRegistry.Entry entry = registry.open(new LabSession(LAB), null);
    registry.park(entry, null);
    assertThat(registry.resume(new SessionToken(entry.token().id(), "guess"), null)).isEmpty();
  }

  @Test
  void aParkedLabIsForgottenWhenTheWindowEnds() {
    LabRegistry registry = registry(10, 1_000_000);
    LabRegistry.Entry entry = registry.open(new LabSession(LAB), null);
    registry.park(entry, null);
    clock.set(Duration.ofMinutes(11).toNanos());
    registry.expire();
    assertThat(registry.resume(entry.token(), null)).isEmpty();
    assertThat(registry.totalFootprint()).isZero();
  }

  @Test
  void theOldestParkedLabGoesWhenTooManyWait() {
    LabRegistry registry = registry(1, 1_000_000);
    LabRegistry.Entry first = registry.open(new LabSession(LAB), null);
    LabRegistry.Entry second = registry.open(new LabSession(LAB), null);
    registry.park(first, null);
    registry.park(second, null);
    assertThat(registry.parkedCount()).isOne();
    assertThat(registry.resume(first.token(), null)).isEmpty();
    assertThat(registry.resume(second.token(), null)).isPresent();
  }

  @Test
  void parkedLabsMakeRoomWhenTheBudgetIsSpent() {
    long oneLab = new LabSession(LAB).footprint();
    LabRegistry registry = registry(10, 2 * oneLab);
    LabRegistry.Entry parked = registry.open(new LabSession(LAB), null);
    registry.park(parked, null);
    registry.open(new LabSession(LAB), null);
    assertThat(registry.budgetLeft()).isTrue();
    assertThat(registry.resume(parked.token(), null)).isEmpty();
    registry.open(new LabSession(LAB), null);
    assertThat(registry.budgetLeft()).isFalse();
  }
}
