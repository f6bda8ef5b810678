package dev.capstan.rollout.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void writesDurationsTheWayTheOptionsReadThem() {
        assertThat(Durations.human(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.human(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.human(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(Durations.human(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Durations.human(Duration.ofMinutes(90))).isEqualTo("1h30m");
    }
}
