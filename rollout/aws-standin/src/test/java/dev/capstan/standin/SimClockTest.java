package dev.capstan.standin;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimClockTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aManualClockMovesOnlyWhenAdvanced() throws InterruptedException {
        SimClock clock = new SimClock(START);
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(START);
        clock.advance(Duration.ofMinutes(3));
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(180));
        assertThat(clock.isManual()).isTrue();
    }

    @Test
    void aRealTimeClockRunsFasterByItsSpeedAndCanStillBeAdvanced() throws InterruptedException {
        SimClock clock = new SimClock(START);
        clock.realTime(1000);
        Thread.sleep(20);
        Instant later = clock.instant();
        assertThat(later).isAfterOrEqualTo(START.plusSeconds(20));
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isAfterOrEqualTo(later.plus(Duration.ofHours(1)));
        clock.manual();
        Instant frozen = clock.instant();
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(frozen);
        assertThat(clock.speed()).isEqualTo(1000.0);
    }

    @Test
    void timeNeverRunsBackwardsAndSpeedMustBePositive() {
        SimClock clock = new SimClock(START);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.realTime(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.realTime(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.instant()).isEqualTo(START);
    }
}
