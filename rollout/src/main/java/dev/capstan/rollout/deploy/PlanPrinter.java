package dev.capstan.rollout.deploy;

import dev.capstan.rollout.lastgood.LastGoodValue;
import dev.capstan.rollout.time.Durations;
import dev.capstan.userdata.UserDataRenderer;
import java.io.PrintWriter;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/** Prints what preflight found, and with --dry-run the full plan of what a deploy would change. */
final class PlanPrinter {
    private final PrintWriter out;

    PlanPrinter(PrintWriter out) {
        this.out = out;
    }

    void preflight(Plan plan) {
        out.println("Preflight: group " + plan.group().name() + " has " + plan.group().inService().size()
                + " InService instances on launch template " + plan.template().name() + " (" + plan.template().id()
                + ") version " + plan.source().number() + ", which carries " + plan.currentImage() + ".");
        out.println("Preflight: " + plan.image().repository() + ":" + plan.image().tag() + " is " + plan.image().digest()
                + " in " + plan.image().registry() + "; user-data renders to " + plan.userData().rawBytes()
                + " bytes (AWS's limit " + UserDataRenderer.MAX_DECODED_BYTES + ").");
        int desired = plan.group().desiredCapacity();
        int peak = plan.healthyRange().peak(desired);
        out.println("Preflight: the refresh will keep " + plan.healthyRange().describe() + "; up to "
                + plan.healthyRange().batchSize(Math.max(1, desired)) + " of " + desired
                + " instances are replaced at a time, with at most " + peak + " running.");
        if (peak > plan.group().maxSize()) {
            out.println("Preflight: note: " + peak + " is above the group's MaxSize of " + plan.group().maxSize()
                    + "; AWS sizes a refresh from desired capacity, not from MaxSize, so the account's EC2 quota and the "
                    + "subnets need room for " + peak + " instances.");
        }
        out.println("Preflight: last-good parameter " + lastGood(plan) + ".");
        out.println("Preflight: " + plan.runningRefresh().map(r -> "instance refresh " + r.instanceRefreshId() + " is "
                + r.statusAsString() + " at " + pct(r) + "%").orElse("no instance refresh is running") + ".");
        out.flush();
    }

    private static String lastGood(Plan plan) {
        LastGoodState state = plan.lastGood();
        String recorded = state.parameter() + " records " + LastGoodValue.format(state.recorded());
        return state.needsRepair()
                ? recorded + "; the group's version carries " + LastGoodValue.format(state.running()) + " and instance "
                + "refresh " + state.repairFromRefresh().get() + " to it ended Successful, so the parameter is repaired first"
                : recorded + ", the image the group runs";
    }

    void plan(Plan plan, DeployRequest request) {
        long next = plan.template().latestVersion() + 1;
        out.println("Plan (dry run, nothing was changed):");
        row("group", plan.group().name() + ", " + plan.group().inService().size() + " InService of "
                + plan.group().desiredCapacity() + " desired");
        row("image", plan.currentImage() + "  ->  " + plan.newImage());
        row("image ref", plan.image().ref());
        row("template", plan.template().name() + " (" + plan.template().id() + "): new version " + next
                + " from SourceVersion " + plan.source().number()
                + ", changing only user-data, description and the image-tag instance tag"
                + (plan.source().hasSnapshots() ? " (block devices sent again to keep their snapshots)" : ""));
        row("refresh", "rolling, DesiredConfiguration version " + next + "; " + request.settings().describe(plan.healthyRange()));
        row("running", plan.runningRefresh().map(r -> r.instanceRefreshId() + " " + r.statusAsString() + " at " + pct(r)
                + "%, --if-refresh-running " + request.ifRefreshRunning()).orElse("none"));
        row("last good", (plan.lastGood().needsRepair() ? "repair to " + LastGoodValue.format(plan.lastGood().running())
                + " first; " : "") + "on success " + plan.lastGood().parameter() + " := "
                + LastGoodValue.format(plan.description()));
        row("on timeout", request.onTimeout() + " after " + Durations.human(request.timeout()));
        row("then", "default version := " + next + ", verify every InService instance runs it"
                + request.verifyUrl().map(u -> ", poll " + u + "/v1/version for " + plan.image().digest()).orElse(""));
        out.flush();
    }

    private void row(String label, String value) {
        out.println(String.format("  %-11s %s", label, value));
    }

    private static int pct(InstanceRefresh r) {
        return r.percentageComplete() == null ? 0 : r.percentageComplete();
    }
}
