package dev.capstan.rollout.prune;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;

/**
 * Deletes old launch template versions, keeping the newest N, the default version and every version a group uses.
 * AWS deletes per version and reports failures per version, so a partial failure is reported, not hidden.
 */
public final class Pruner {
    // DeleteLaunchTemplateVersions takes at most 200 versions per call.
    private static final int BATCH = 200;

    private final Ec2Client ec2;
    private final LaunchTemplateReader templates;
    private final TemplateUsage usage;
    private final PrintWriter out;

    public Pruner(Ec2Client ec2, LaunchTemplateReader templates, TemplateUsage usage, PrintWriter out) {
        this.ec2 = ec2;
        this.templates = templates;
        this.usage = usage;
        this.out = out;
    }

    public int prune(String templateName, int keep, boolean dryRun) {
        if (keep < 1) {
            throw RolloutException.invalid("--keep must be 1 or more (got " + keep + "); the newest version is always kept.");
        }
        TemplateInfo template = templates.describe(null, templateName);
        List<TemplateVersion> versions = templates.versions(template.id());
        Map<Long, TreeSet<String>> inUse = usage.versionsInUse(template);
        List<Long> doomed = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            long n = versions.get(i).number();
            if (i < keep) {
                continue;
            }
            if (n == template.defaultVersion()) {
                out.println("keep version " + n + ": it is the default version");
            } else if (inUse.containsKey(n)) {
                out.println("keep version " + n + ": in use by " + String.join(", ", inUse.get(n)));
            } else {
                doomed.add(n);
            }
        }
        doomed.sort(Comparator.naturalOrder());
        if (doomed.isEmpty()) {
            out.println("Nothing to prune: launch template " + template.name() + " has " + versions.size()
                    + " versions and all of them are kept.");
            return ExitCode.SUCCESS;
        }
        if (dryRun) {
            out.println("Would delete " + doomed.size() + " versions of " + template.name() + ": " + doomed + " (dry run).");
            return ExitCode.SUCCESS;
        }
        List<Long> deleted = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < doomed.size(); from += BATCH) {
            List<String> batch = doomed.subList(from, Math.min(doomed.size(), from + BATCH)).stream()
                    .map(String::valueOf).toList();
            DeleteLaunchTemplateVersionsResponse response = AwsCall.run("ec2:DeleteLaunchTemplateVersions", () ->
                    ec2.deleteLaunchTemplateVersions(r -> r.launchTemplateId(template.id()).versions(batch)));
            response.successfullyDeletedLaunchTemplateVersions().forEach(v -> deleted.add(v.versionNumber()));
            response.unsuccessfullyDeletedLaunchTemplateVersions().forEach(v -> failed.add("version "
                    + v.versionNumber() + " (" + (v.responseError() == null ? "no reason given"
                    : v.responseError().codeAsString() + ": " + v.responseError().message()) + ")"));
        }
        out.println("Deleted " + deleted.size() + (deleted.size() == 1 ? " version of " : " versions of ") + template.name() + ": " + deleted + ".");
        if (!failed.isEmpty()) {
            throw new RolloutException(ExitCode.DEPLOY_FAILED, "Could not delete " + failed.size() + " of "
                    + doomed.size() + " versions of " + template.name() + ": " + String.join("; ", failed)
                    + "; fix the cause and run prune again.");
        }
        return ExitCode.SUCCESS;
    }
}
