package dev.capstan.rollout.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A point in (possibly simulated) time after which a wait gives up. */
public final class Deadline {
    private final Clock clock;
    private final Instant at;

    private Deadline(Clock clock, Instant at) {
        this.clock = clock;
        this.at = at;
    }

    public static Deadline after(Clock clock, Duration timeout) {
        return new Deadline(clock, clock.instant().plus(timeout));
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
