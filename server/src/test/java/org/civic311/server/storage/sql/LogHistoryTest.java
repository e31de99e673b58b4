package org.civic311.server.storage.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogHistoryTest {
  private static final long S = 1_000_000_000L;

  @Test
  void aReplicaIsBehindSinceThePrimaryFirstPassedWhereItStands() {
    LogHistory h = new LogHistory();
    h.record(10 * S, 100);
    h.record(11 * S, 100);
    h.record(12 * S, 200);
    h.record(15 * S, 300);
    assertThat(h.lagNanos(300, 20 * S)).as("replayed everything").isZero();
    assertThat(h.lagNanos(250, 20 * S)).as("the primary passed 250 at 15 s").isEqualTo(5 * S);
    assertThat(h.lagNanos(150, 20 * S)).isEqualTo(8 * S);
    assertThat(h.lagNanos(50, 20 * S)).isEqualTo(10 * S);
    assertThat(h.newest()).isEqualTo(300);
  }

  @Test
  void anIdlePrimaryGivesNoLagHoweverOldItsLastWrite() {
    LogHistory h = new LogHistory();
    h.record(1 * S, 100);
    assertThat(h.lagNanos(100, 3600 * S)).isZero();
  }

  @Test
  void aFullRingKeepsTheNewestAndStillBoundsTheLagFromBelow() {
    LogHistory h = new LogHistory();
    for (int i = 0; i < LogHistory.SIZE + 10; i++) {
      h.record(i * S, 1000 + i);
    }
    assertThat(h.newest()).isEqualTo(1000 + LogHistory.SIZE + 9);
    long now = (LogHistory.SIZE + 20) * S;
    assertThat(h.lagNanos(0, now)).as("older than the oldest kept: at least its age").isEqualTo(now - 10 * S);
  }
}
