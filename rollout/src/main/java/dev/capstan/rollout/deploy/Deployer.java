package dev.capstan.rollout.deploy;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.refresh.OutcomeJudge;
import dev.capstan.rollout.refresh.RefreshListener;
import dev.capstan.rollout.refresh.RefreshStarter;
import dev.capstan.rollout.refresh.RefreshStopper;
import dev.capstan.rollout.refresh.RefreshWatcher;
import dev.capstan.rollout.refresh.WatchResult;
import dev.capstan.rollout.report.DeployReport;
import dev.capstan.rollout.report.GitHubReporter;
import dev.capstan.rollout.report.ProgressPrinter;
import dev.capstan.rollout.template.LaunchTemplateVersionWriter;
import dev.capstan.rollout.time.Deadline;
import dev.capstan.rollout.time.Durations;
import dev.capstan.rollout.time.Interruption;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * Runs a deploy: preflight, last-good repair, new launch template version, instance refresh, wait, verdict and
 * promotion. Each step is its own class; this one only orders them and decides the exit code.
 */
public final class Deployer {
    private final Preflight preflight;
    private final LaunchTemplateVersionWriter writer;
    private final RefreshStarter starter;
    private final RefreshWatcher watcher;
    private final RefreshStopper stopper;
    private final TimeoutPolicy timeoutPolicy;
    private final OutcomeJudge judge = new OutcomeJudge();
    private final Promotion promotion;
    private final GitHubReporter github;
    private final Clock clock;
    private final Interruption interruption;
    private final PrintWriter out;

    public Deployer(Preflight preflight, LaunchTemplateVersionWriter writer, RefreshStarter starter,
                    RefreshWatcher watcher, RefreshStopper stopper, TimeoutPolicy timeoutPolicy, Promotion promotion,
                    GitHubReporter github, Clock clock, Interruption interruption, PrintWriter out) {
        this.preflight = preflight;
        this.writer = writer;
        this.starter = starter;
        this.watcher = watcher;
        this.stopper = stopper;
        this.timeoutPolicy = timeoutPolicy;
        this.promotion = promotion;
        this.github = github;
        this.clock = clock;
        this.interruption = interruption;
        this.out = out;
    }

    public int deploy(DeployRequest request) {
        DeployReport report = new DeployReport(clock.instant()).group(request.group());
        try {
            return run(request, report);
        } catch (RolloutException e) {
            report.finishIfOpen(clock.instant(), resultFor(e.exitCode()), e.getMessage());
            throw e;
        } finally {
            github.publish(report);
        }
    }

    private int run(DeployRequest request, DeployReport report) {
        Deadline deadline = Deadline.after(clock, request.timeout());
        PlanPrinter printer = new PlanPrinter(out);
        Plan plan = preflight.run(request);
        printer.preflight(plan);
        report.from(plan.source().number(), plan.currentImage()).to(null, plan.newImage(), plan.image().digest());
        if (plan.runningRefresh().isPresent()) {
            if (request.dryRun()) {
                printer.plan(plan, request);
                requireNotFailPolicy(request, plan.runningRefresh().get());
                report.finish(clock.instant(), "planned", null);
                return ExitCode.SUCCESS;
            }
            plan = afterRunningRefresh(request, plan.runningRefresh().get(), deadline);
            report.from(plan.source().number(), plan.currentImage());
        }
        if (plan.nothingToDo()) {
            return nothingToDo(request, plan, report);
        }
        if (request.dryRun()) {
            printer.plan(plan, request);
            report.finish(clock.instant(), "planned", null);
            return ExitCode.SUCCESS;
        }
        stopIfInterrupted("before any change; nothing was changed");
        promotion.repairIfNeeded(plan);
        long version = refreshTo(request, plan, deadline, report);
        promotion.promote(request, plan, version);
        report.finish(clock.instant(), "success", null);
        out.println("Deployed " + plan.newImage() + " to " + plan.group().name() + " in "
                + Durations.human(report.elapsed()) + ".");
        return ExitCode.SUCCESS;
    }

    /** The group already runs this image everywhere; only a last-good parameter that missed its write is mended. */
    private int nothingToDo(DeployRequest request, Plan plan, DeployReport report) {
        if (request.dryRun()) {
            if (plan.lastGood().needsRepair()) {
                out.println("Would repair the last-good parameter " + plan.lastGood().parameter() + " (dry run).");
            }
        } else {
            stopIfInterrupted("before any change; nothing was changed");
            promotion.repairIfNeeded(plan);
        }
        out.println("Nothing to do: launch template " + plan.template().name() + " version "
                + plan.source().number() + " already carries " + plan.newImage()
                + " and every InService instance of " + plan.group().name() + " runs it.");
        report.to(plan.source().number(), plan.newImage(), plan.image().digest());
        report.finish(clock.instant(), "nothing-to-do", null);
        return ExitCode.SUCCESS;
    }

    /** Steps 3 to 5: version N, the refresh towards it, and the wait; returns N once the refresh is Successful. */
    private long refreshTo(DeployRequest request, Plan plan, Deadline deadline, DeployReport report) {
        long version = writer.create(plan.template().id(), plan.source(), plan.description(), plan.userData().base64());
        report.to(version, plan.newImage(), plan.image().digest());
        out.println("Created launch template " + plan.template().name() + " version " + version + " from version "
                + plan.source().number() + ": " + plan.description().text());
        stopIfInterrupted("after creating launch template version " + version + " and before starting a refresh; the group is unchanged");

        String refreshId = starter.start(plan.group(), plan.template().id(), plan.template().name(), version,
                request.settings().toAws(plan.healthyRange()), out);
        report.refreshId(refreshId);
        out.println("Started instance refresh " + refreshId + " on " + plan.group().name() + " towards version " + version
                + " (" + request.settings().describe(plan.healthyRange()) + ").");
        out.flush();

        int perRound = plan.healthyRange().batchSize(Math.max(1, plan.group().desiredCapacity()));
        WatchResult watched = watcher.withRoundsOf(perRound).watch(plan.group().name(), refreshId, deadline,
                List.<RefreshListener>of(new ProgressPrinter(out), report));
        if (!watched.finished()) {
            throw stopped(request, watched, refreshId, report);
        }
        OutcomeJudge.Verdict verdict = judge.judge(watched.last());
        if (!verdict.succeeded()) {
            verdict.details().forEach(d -> out.println("  " + d));
            report.finish(clock.instant(), verdict.status().startsWith("Rollback") ? "rolled-back" : "failed", verdict.sentence());
            throw new RolloutException(ExitCode.DEPLOY_FAILED, verdict.sentence());
        }
        return version;
    }

    /** Applies --if-refresh-running, then runs the preflight again on the world that refresh left. */
    private Plan afterRunningRefresh(DeployRequest request, InstanceRefresh running, Deadline deadline) {
        settleRunningRefresh(request, running, deadline);
        Plan plan = preflight.run(request);
        if (plan.runningRefresh().isPresent()) {
            throw RolloutException.invalid("Another instance refresh (" + plan.runningRefresh().get().instanceRefreshId()
                    + ") started on group '" + request.group() + "' meanwhile; nothing was changed, so run the deploy again later.");
        }
        return plan;
    }

    private void settleRunningRefresh(DeployRequest request, InstanceRefresh running, Deadline deadline) {
        requireNotFailPolicy(request, running);
        String group = request.group();
        if (request.ifRefreshRunning() == IfRefreshRunning.cancel) {
            out.println("Cancelling instance refresh " + running.instanceRefreshId() + " (--if-refresh-running cancel).");
            stopper.cancel(group);
        } else {
            out.println("Waiting for instance refresh " + running.instanceRefreshId() + " to end (--if-refresh-running wait).");
        }
        WatchResult result = watcher.watch(group, running.instanceRefreshId(), deadline, List.of(new ProgressPrinter(out)));
        if (!result.finished()) {
            String why = result.ending() == WatchResult.Ending.INTERRUPTED
                    ? "The deploy was interrupted (" + interruption.signalName() + ")"
                    : "The deploy timed out after " + Durations.human(request.timeout());
            throw new RolloutException(ExitCode.TIMED_OUT, why + " while instance refresh "
                    + running.instanceRefreshId() + " was still " + result.last().statusAsString()
                    + "; nothing was changed, that refresh is not ours, so it was left as it is.");
        }
        out.println("Instance refresh " + running.instanceRefreshId() + " ended " + result.last().statusAsString() + ".");
    }

    private static void requireNotFailPolicy(DeployRequest request, InstanceRefresh running) {
        if (request.ifRefreshRunning() == IfRefreshRunning.fail) {
            throw RolloutException.invalid("Instance refresh " + running.instanceRefreshId() + " is already "
                    + running.statusAsString() + " on group '" + request.group() + "' ("
                    + (running.percentageComplete() == null ? 0 : running.percentageComplete())
                    + "%); wait for it to end, or pass --if-refresh-running wait or cancel.");
        }
    }

    private RolloutException stopped(DeployRequest request, WatchResult watched, String refreshId, DeployReport report) {
        boolean interrupted = watched.ending() == WatchResult.Ending.INTERRUPTED;
        String done = timeoutPolicy.apply(request.onTimeout(), request.group(), refreshId, out);
        InstanceRefresh last = watched.last();
        String sentence = (interrupted
                ? "The deploy was interrupted (" + interruption.signalName() + ")"
                : "The deploy timed out after " + Durations.human(request.timeout()))
                + " with instance refresh " + refreshId + " " + last.statusAsString() + " at "
                + (last.percentageComplete() == null ? 0 : last.percentageComplete()) + "%: " + done + ".";
        report.finish(clock.instant(), interrupted ? "interrupted" : "timed-out", sentence);
        return new RolloutException(ExitCode.TIMED_OUT, sentence);
    }

    private void stopIfInterrupted(String when) {
        if (interruption.requested()) {
            throw new RolloutException(ExitCode.TIMED_OUT,
                    "The deploy was interrupted (" + interruption.signalName() + ") " + when + ".");
        }
    }

    static String resultFor(int exitCode) {
        return switch (exitCode) {
            case ExitCode.DEPLOY_FAILED -> "failed";
            case ExitCode.INVALID -> "invalid";
            case ExitCode.TIMED_OUT -> "timed-out";
            case ExitCode.AWS_ERROR -> "aws-error";
            default -> "success";
        };
    }
}
