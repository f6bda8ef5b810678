package dev.capstan.rollout.refresh;

import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** How a wait ended: the refresh reached a final status, the deadline passed, or a stop was requested. */
public record WatchResult(Ending ending, InstanceRefresh last) {
    public enum Ending { FINISHED, TIMED_OUT, INTERRUPTED }

    public boolean finished() {
        return ending == Ending.FINISHED;
    }
}
