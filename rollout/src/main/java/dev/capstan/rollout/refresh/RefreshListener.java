package dev.capstan.rollout.refresh;

import java.time.Instant;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Hears about each visible change of a refresh (status, percentage, instances left or reason). */
@FunctionalInterface
public interface RefreshListener {
    void changed(Instant at, InstanceRefresh refresh);
}
