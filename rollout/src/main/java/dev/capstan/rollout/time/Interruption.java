package dev.capstan.rollout.time;

import java.time.Duration;

/**
 * Set when the operator (or a cancelled CI job) asks the command to stop. Waits sleep on it, so a stop request wakes
 * them at once, and the request is then handled by the same code path as a timeout.
 */
public final class Interruption {
    private String signal;

    public synchronized void request(String signalName) {
        if (signal == null) {
            signal = signalName;
        }
        notifyAll();
    }

    public synchronized boolean requested() {
        return signal != null;
    }

    public synchronized String signalName() {
        return signal;
    }

    /** Sleeps for {@code duration} or until a stop is requested, whichever comes first. */
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        long left;
        while (signal == null && (left = until - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
