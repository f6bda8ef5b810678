package dev.capstan.rollout.report;

import dev.capstan.rollout.refresh.RefreshListener;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Prints one line per change: time, status, percentage, instances still to update, status reason. */
public final class ProgressPrinter implements RefreshListener {
    private final PrintWriter out;

    public ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void changed(Instant at, InstanceRefresh r) {
        out.println(line(at, r));
        out.flush();
    }

    public static String line(Instant at, InstanceRefresh r) {
        String reason = r.statusReason() == null ? "" : r.statusReason().strip().replaceAll("\\s+", " ");
        return String.format("%s  %-18s %3d%%  %s to update%s", at.truncatedTo(ChronoUnit.SECONDS),
                r.statusAsString(), r.percentageComplete() == null ? 0 : r.percentageComplete(),
                r.instancesToUpdate() == null ? "?" : r.instancesToUpdate(),
                reason.isEmpty() ? "" : "  " + reason).stripTrailing();
    }
}
