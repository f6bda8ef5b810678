package dev.capstan.rollout.time;

import java.time.Duration;

/** Waits between polls; tests substitute one that advances a simulated clock instead. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Real time, cut short when a stop is requested. */
    static Sleeper wakingOn(Interruption interruption) {
        return interruption::sleep;
    }
}
