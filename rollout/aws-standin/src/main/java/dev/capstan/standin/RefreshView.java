package dev.capstan.standin;

import java.time.Instant;

/**
 * A snapshot of an instance refresh. {@code status} is spelled as the model spells it: Pending, InProgress,
 * Successful, Failed, Cancelling, Cancelled, RollbackInProgress, RollbackFailed, RollbackSuccessful, Baking.
 * {@code desiredConfiguration} is {@code null} when the refresh was started without one; {@code endTime} and
 * {@code rollbackDetails} are {@code null} until they apply.
 */
public record RefreshView(String instanceRefreshId, String autoScalingGroupName, String status, String statusReason,
                          Instant startTime, Instant endTime, int percentageComplete, int instancesToUpdate,
                          RefreshPreferences preferences, LaunchTemplateRef desiredConfiguration,
                          RollbackDetailsView rollbackDetails, String strategy) {

    public boolean active() {
        return switch (status) {
            case "Pending", "InProgress", "Cancelling", "RollbackInProgress", "Baking" -> true;
            default -> false;
        };
    }
}
