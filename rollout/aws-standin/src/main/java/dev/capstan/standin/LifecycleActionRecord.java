package dev.capstan.standin;

import java.time.Instant;

/**
 * A completed lifecycle action. {@code result} is CONTINUE or ABANDON; {@code source} says who completed it:
 * {@code api} (CompleteLifecycleAction), {@code simulation} (auto-completed launch) or {@code timeout}
 * (the heartbeat timeout ran out and the hook's default result applied).
 */
public record LifecycleActionRecord(String autoScalingGroupName, String lifecycleHookName, String instanceId,
                                    String result, String source, Instant time) {
}
