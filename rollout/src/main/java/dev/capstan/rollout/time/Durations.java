package dev.capstan.rollout.time;

import java.time.Duration;

/** Durations the way the options take them: 45s, 5m, 1m05s, 1h, 1h30m. */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + (s % 60 == 0 ? "" : String.format("%02ds", s % 60));
        }
        long minutes = (s % 3600) / 60;
        return s / 3600 + "h" + (minutes == 0 ? "" : String.format("%02dm", minutes));
    }
}
