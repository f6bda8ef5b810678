package dev.capstan.rollout.cli;

import dev.capstan.rollout.RolloutContext;
import dev.capstan.rollout.aws.AwsClients;
import dev.capstan.rollout.deploy.Deployer;
import dev.capstan.rollout.deploy.LastGoodCheck;
import dev.capstan.rollout.deploy.Preflight;
import dev.capstan.rollout.deploy.Promotion;
import dev.capstan.rollout.deploy.TimeoutPolicy;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.image.ImageResolver;
import dev.capstan.rollout.image.PlatformCheck;
import dev.capstan.rollout.lastgood.LastGoodParameter;
import dev.capstan.rollout.refresh.PollSchedule;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.refresh.RefreshStarter;
import dev.capstan.rollout.refresh.RefreshStopper;
import dev.capstan.rollout.refresh.RefreshWatcher;
import dev.capstan.rollout.report.GitHubReporter;
import dev.capstan.rollout.template.DefaultVersionPromoter;
import dev.capstan.rollout.template.LaunchTemplateReader;
import dev.capstan.rollout.template.LaunchTemplateVersionWriter;
import dev.capstan.rollout.template.MachineImages;
import dev.capstan.rollout.verify.FleetVerifier;
import dev.capstan.rollout.verify.VersionEndpointVerifier;
import dev.capstan.userdata.UserDataRenderer;
import java.io.PrintWriter;

/**
 * Builds the steps from the AWS clients and the context; the one place that knows how they fit together. Owns the
 * clients it opens: every command that talks to AWS uses it in try-with-resources.
 */
final class Wiring implements AutoCloseable {
    final RolloutContext context;
    final AwsClients aws;
    final PrintWriter out;
    final GroupReader groups;
    final LaunchTemplateReader templates;
    final RefreshFinder refreshes;
    final RefreshStopper stopper;
    final RefreshWatcher watcher;
    final LastGoodParameter lastGood;

    /** Opens the AWS clients for a command; closes them again if wiring the steps fails. */
    static Wiring open(RolloutCli root, AwsOptions options) {
        AwsClients aws = root.context().clients().create(options.region());
        try {
            return new Wiring(root.context(), aws, root.out(), options);
        } catch (RuntimeException e) {
            aws.close();
            throw e;
        }
    }

    private Wiring(RolloutContext context, AwsClients aws, PrintWriter out, AwsOptions options) {
        this.context = context;
        this.aws = aws;
        this.out = out;
        this.groups = new GroupReader(aws.autoScaling());
        this.templates = new LaunchTemplateReader(aws.ec2());
        this.refreshes = new RefreshFinder(aws.autoScaling());
        this.stopper = new RefreshStopper(aws.autoScaling());
        this.watcher = new RefreshWatcher(refreshes, context.clock(), context.sleeper(), context.interruption(),
                options.pollInterval().map(PollSchedule::fixed).orElse(context.pollSchedule()));
        this.lastGood = new LastGoodParameter(aws.ssm());
    }

    ImageResolver images() {
        return new ImageResolver(aws.ecr(), aws.region());
    }

    Deployer deployer() {
        Preflight preflight = new Preflight(groups, templates, new MachineImages(aws.ec2()), images(),
                new PlatformCheck(aws.ecr()), new UserDataRenderer(), refreshes, new LastGoodCheck(lastGood, refreshes));
        Promotion promotion = new Promotion(lastGood, new DefaultVersionPromoter(aws.ec2()), new FleetVerifier(groups),
                new VersionEndpointVerifier(context.sleeper(), context.interruption()), context.clock(), out);
        return new Deployer(preflight, new LaunchTemplateVersionWriter(aws.ec2()),
                new RefreshStarter(aws.autoScaling(), refreshes), watcher, stopper, new TimeoutPolicy(stopper, refreshes),
                promotion, new GitHubReporter(context.env()), context.clock(), context.interruption(), out);
    }

    @Override
    public void close() {
        aws.close();
    }
}
