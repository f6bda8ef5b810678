package dev.capstan.rollout;

import dev.capstan.rollout.aws.AwsClientFactory;
import dev.capstan.rollout.refresh.PollSchedule;
import dev.capstan.rollout.time.Interruption;
import dev.capstan.rollout.time.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command takes from the outside world: time, sleeping, stop requests, the environment and the way
 * AWS clients are built. The real process uses the system's; tests pass simulated ones.
 */
public record RolloutContext(Clock clock, Sleeper sleeper, Interruption interruption, Map<String, String> env,
                             AwsClientFactory clients, PollSchedule pollSchedule) {

    public static RolloutContext system() {
        Interruption interruption = new Interruption();
        return new RolloutContext(Clock.systemUTC(), Sleeper.wakingOn(interruption), interruption, System.getenv(),
                AwsClientFactory.standard(), PollSchedule.standard());
    }
}
