package dev.capstan.rollout.refresh;

/**
 * The healthy range an instance refresh will really keep, as percentages of desired capacity, and where each bound
 * comes from. {@code sent} says whether StartInstanceRefresh carries the bounds: it does only when the user gave
 * them or when the group has no instance maintenance policy to fall back on, because sending them overrides the
 * group's policy (botocore autoscaling 2011-01-01, {@code RefreshPreferences.MinHealthyPercentage} and
 * {@code MaxHealthyPercentage}).
 */
public record HealthyRange(int min, int max, String source, boolean sendMin, boolean sendMax) {

    /** Launch before terminate: capacity never drops below desired, and every instance is replaced in one round. */
    public static final int LAUNCH_BEFORE_TERMINATE_MIN = 100;
    public static final int LAUNCH_BEFORE_TERMINATE_MAX = 200;

    /** How many instances one round may start: the room between the healthy floor and the ceiling, at least one. */
    public int batchSize(int desired) {
        int floor = (int) Math.ceil(desired * min / 100.0);
        int ceiling = (int) Math.floor(desired * max / 100.0);
        return Math.max(1, ceiling - floor);
    }

    /**
     * The most instances the group may run during the refresh. Both bounds at 100 replace one instance at a time,
     * launching first ("To replace one instance at a time, set both the minimum and maximum healthy percentage to 100
     * percent. This changes the behavior of an instance refresh to launch before terminating", User Guide, "How an
     * instance refresh works").
     */
    public int peak(int desired) {
        return min == 100 && max == 100 ? desired + 1 : Math.max(desired, (int) Math.floor(desired * max / 100.0));
    }

    public String describe() {
        return "min healthy " + min + "%, max healthy " + max + "% (" + source + ")";
    }
}
