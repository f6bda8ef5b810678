package dev.capstan.standin.state;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The launch and boot durations of one instance: the {@link SimTimings} figures plus a spread drawn from the
 * instance id. Ids are deterministic, so runs repeat exactly; and a batch of many instances waits for its slowest,
 * so 16 parallel launches take a little longer than one, as on EC2.
 */
final class InstanceTimings {

    private InstanceTimings() {
    }

    /** RunInstances to EC2 {@code running}. */
    static Duration ec2Launch(String instanceId) {
        return SimTimings.EC2_LAUNCH.plus(spread(instanceId, 1, SimTimings.EC2_LAUNCH_SPREAD));
    }

    /** EC2 {@code running} to the service answering its readiness check. */
    static Duration boot(String instanceId) {
        return SimTimings.OS_BOOT.plus(SimTimings.DOCKER_INSTALL).plus(SimTimings.IMAGE_PULL)
                .plus(spread(instanceId, 2, SimTimings.IMAGE_PULL_SPREAD)).plus(SimTimings.CONTAINER_READY);
    }

    /** A fraction of {@code max}, whole milliseconds, from a hash of the id and a stream number. */
    static Duration spread(String instanceId, long stream, Duration max) {
        long h = 0;
        for (byte b : instanceId.getBytes(StandardCharsets.UTF_8)) {
            h = h * 31 + b;
        }
        double fraction = (mix(h ^ (stream * 0x9E3779B97F4A7C15L)) >>> 11) * 0x1.0p-53;
        return Duration.ofMillis((long) (fraction * max.toMillis()));
    }

    /** SplitMix64's finalizer: spreads nearby inputs (sequential ids) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
