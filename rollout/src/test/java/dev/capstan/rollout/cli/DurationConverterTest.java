package dev.capstan.rollout.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheWaysPeopleWriteDurations() {
        assertThat(converter.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("60m")).isEqualTo(Duration.ofHours(1));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesAnythingElseWithAnExample() {
        assertThatThrownBy(() -> converter.convert("ten minutes"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("90s, 5m, 1h30m");
        assertThatThrownBy(() -> converter.convert("")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
