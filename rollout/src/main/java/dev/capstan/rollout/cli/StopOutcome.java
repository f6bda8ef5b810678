package dev.capstan.rollout.cli;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.refresh.WatchResult;
import dev.capstan.rollout.time.Durations;
import java.io.PrintWriter;
import java.time.Duration;

/** Shared ending of cancel and rollback: the status they aim for is exit 0, anything else exit 1, no end exit 3. */
final class StopOutcome {
    private StopOutcome() {
    }

    static int exitCode(WatchResult result, String wanted, Duration timeout, PrintWriter out) {
        String status = result.last().statusAsString();
        if (!result.finished()) {
            throw new RolloutException(ExitCode.TIMED_OUT, "Instance refresh " + result.last().instanceRefreshId()
                    + " is still " + status + " after " + Durations.human(timeout) + "; follow it with rollout status.");
        }
        if (!wanted.equals(status)) {
            throw new RolloutException(ExitCode.DEPLOY_FAILED, "Instance refresh " + result.last().instanceRefreshId()
                    + " ended " + status + " instead of " + wanted + " (" + result.last().statusReason() + ").");
        }
        out.println("Instance refresh " + result.last().instanceRefreshId() + " ended " + status + ".");
        return ExitCode.SUCCESS;
    }
}
