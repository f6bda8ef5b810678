package dev.capstan.rollout.deploy;

import dev.capstan.userdata.UserDataRenderer;
import java.io.PrintWriter;
import dev.capstan.rollout.time.Durations;
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
                + ") version " + plan.groupVersion() + "; default version " + plan.template().defaultVersion()
                + " carries " + plan.currentImage() + ".");
        out.println("Preflight: " + plan.image().repository() + ":" + plan.image().tag() + " is " + plan.image().digest()
                + "; user-data renders to " + plan.userData().rawBytes() + " bytes (AWS's limit "
                + UserDataRenderer.MAX_DECODED_BYTES + "), " + plan.userData().encodedBytes() + " base64.");
        if (!plan.defaultVersion().metadataLockedToHost()) {
            out.println("Preflight: warning: launch template " + plan.template().name() + " version "
                    + plan.defaultVersion().number() + " does not require IMDSv2 with hop limit 1, so containers could "
                    + "reach instance metadata; set MetadataOptions HttpTokens=required, HttpPutResponseHopLimit=1.");
        }
        out.println("Preflight: " + plan.runningRefresh().map(r -> "instance refresh " + r.instanceRefreshId() + " is "
                + r.statusAsString() + " at " + pct(r) + "%").orElse("no instance refresh is running") + ".");
        out.flush();
    }

    void plan(Plan plan, DeployRequest request) {
        long next = plan.template().latestVersion() + 1;
        out.println("Plan (dry run, nothing was changed):");
        row("group", plan.group().name() + ", " + plan.group().inService().size() + " InService of "
                + plan.group().desiredCapacity() + " desired");
        row("image", plan.currentImage() + "  ->  " + plan.newImage());
        row("image ref", plan.image().ref());
        row("template", plan.template().name() + " (" + plan.template().id() + "): new version " + next
                + " from SourceVersion " + plan.defaultVersion().number()
                + ", changing only user-data, description and the image-tag instance tag");
        row("refresh", "rolling, DesiredConfiguration version " + next + "; " + request.settings().describe());
        row("running", plan.runningRefresh().map(r -> r.instanceRefreshId() + " " + r.statusAsString() + " at " + pct(r)
                + "%, --if-refresh-running " + request.ifRefreshRunning()).orElse("none"));
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
