package dev.capstan.rollout.refresh;

import java.util.Set;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Which instance refresh statuses are still moving and which are final. */
public final class RefreshStatus {
    public static final String SUCCESSFUL = "Successful";
    private static final Set<String> TERMINAL =
            Set.of("Successful", "Failed", "Cancelled", "RollbackSuccessful", "RollbackFailed");

    private RefreshStatus() {
    }

    public static boolean isTerminal(InstanceRefresh refresh) {
        return TERMINAL.contains(refresh.statusAsString());
    }

    public static boolean isActive(InstanceRefresh refresh) {
        return !isTerminal(refresh);
    }
}
