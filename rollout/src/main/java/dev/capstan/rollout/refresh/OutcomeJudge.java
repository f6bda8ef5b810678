package dev.capstan.rollout.refresh;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.RollbackDetails;

/**
 * Decides what a finished refresh means for the deploy. Only Successful is a success: a refresh that AWS rolled back
 * successfully is still a failed deploy, and says so with the reason and the rollback details.
 */
public final class OutcomeJudge {

    public record Verdict(boolean succeeded, String status, String sentence, List<String> details) {
    }

    public Verdict judge(InstanceRefresh refresh) {
        String status = refresh.statusAsString();
        if (RefreshStatus.SUCCESSFUL.equals(status)) {
            return new Verdict(true, status, "Instance refresh " + refresh.instanceRefreshId() + " succeeded.", List.of());
        }
        String reason = refresh.statusReason() == null || refresh.statusReason().isBlank()
                ? "AWS gave no reason" : stripPeriod(refresh.statusReason().strip());
        RollbackDetails rb = refresh.rollbackDetails();
        String reached = rb != null && rb.percentageCompleteOnRollback() != null
                ? " after reaching " + percent(rb.percentageCompleteOnRollback())
                : " at " + percent(refresh.percentageComplete());
        String sentence = "The deploy failed: instance refresh " + refresh.instanceRefreshId() + " ended " + status
                + reached + " (" + reason + ")" + switch (status) {
                    case "RollbackSuccessful" -> ", so the group is back on its previous version.";
                    case "RollbackFailed" -> ", and the group may run both versions; check it with rollout status.";
                    case "Cancelled" -> "; instances already replaced keep the new version.";
                    default -> ".";
                };
        return new Verdict(false, status, sentence, details(refresh));
    }

    private static List<String> details(InstanceRefresh refresh) {
        List<String> lines = new ArrayList<>();
        lines.add("status reason: " + (refresh.statusReason() == null ? "-" : refresh.statusReason()));
        RollbackDetails rb = refresh.rollbackDetails();
        if (rb != null && (rb.rollbackReason() != null || rb.rollbackStartTime() != null)) {
            lines.add("rollback reason: " + (rb.rollbackReason() == null ? "-" : rb.rollbackReason()));
            lines.add("rollback started: " + (rb.rollbackStartTime() == null ? "-"
                    : rb.rollbackStartTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                    + " at " + percent(rb.percentageCompleteOnRollback()) + " complete, "
                    + (rb.instancesToUpdateOnRollback() == null ? "?" : rb.instancesToUpdateOnRollback())
                    + " instances to update on rollback");
        }
        return lines;
    }

    static String percent(Integer p) {
        return (p == null ? 0 : p) + "%";
    }

    private static String stripPeriod(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
