package dev.capstan.standin.state;

import java.time.Duration;

/** How long simulated things take (simulated time); chosen to look like a small real fleet. */
public final class SimTimings {

    public static final Duration REFRESH_PENDING = Duration.ofSeconds(5);
    public static final Duration LAUNCH_PENDING = Duration.ofSeconds(20);
    /** The simulated boot before an auto-completed launch hook says CONTINUE. */
    public static final Duration BOOT = Duration.ofSeconds(40);
    public static final Duration PROCEED = Duration.ofSeconds(2);
    public static final Duration TERMINATE = Duration.ofSeconds(15);
    public static final Duration UNHEALTHY_AFTER = Duration.ofSeconds(10);
    public static final Duration CANCEL_SETTLE = Duration.ofSeconds(10);
    public static final Duration PROTECTED_WAIT = Duration.ofHours(1);
    public static final Duration DEFAULT_CHECKPOINT_DELAY = Duration.ofHours(1);

    private SimTimings() {
    }
}
