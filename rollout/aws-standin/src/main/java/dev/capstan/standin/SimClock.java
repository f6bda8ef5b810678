package dev.capstan.standin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The stand-in's notion of "now". Tests drive it by hand ({@link #advance(Duration)}) so a whole instance refresh
 * runs in microseconds; standalone runs let it follow the wall clock, sped up by a factor, so a demo refresh takes
 * seconds instead of minutes. All simulated state is computed lazily from this clock on every request.
 */
public final class SimClock extends Clock {

    private final Object lock = new Object();
    private Instant base;
    private long baseNanos;
    private double speed;
    private boolean manual;

    public SimClock() {
        this(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public SimClock(Instant start) {
        this.base = start;
        this.baseNanos = System.nanoTime();
        this.speed = 1.0;
        this.manual = true;
    }

    @Override
    public Instant instant() {
        synchronized (lock) {
            if (manual) {
                return base;
            }
            long elapsed = System.nanoTime() - baseNanos;
            return base.plusNanos((long) (elapsed * speed));
        }
    }

    /** Moves simulated time forward; works in both modes. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + duration);
        }
        synchronized (lock) {
            base = instant().plus(duration);
            baseNanos = System.nanoTime();
        }
    }

    /** Freezes time at its current value; from now on only {@link #advance(Duration)} moves it. */
    public void manual() {
        synchronized (lock) {
            base = instant();
            manual = true;
        }
    }

    /** Lets time follow the wall clock, {@code speed} simulated seconds per real second. */
    public void realTime(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number; got " + speed);
        }
        synchronized (lock) {
            base = instant();
            baseNanos = System.nanoTime();
            this.speed = speed;
            manual = false;
        }
    }

    public boolean isManual() {
        synchronized (lock) {
            return manual;
        }
    }

    /** Simulated seconds per wall second in real-time mode. */
    public double speed() {
        synchronized (lock) {
            return speed;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The simulation lives in UTC; a zoned view is a plain fixed clock of the current instant.
        return Clock.fixed(instant(), zone);
    }
}
