package dev.capstan.rollout.deploy;

import dev.capstan.rollout.lastgood.LastGoodParameter;
import dev.capstan.rollout.lastgood.LastGoodValue;
import dev.capstan.rollout.template.DefaultVersionPromoter;
import dev.capstan.rollout.time.Deadline;
import dev.capstan.rollout.verify.FleetVerifier;
import dev.capstan.rollout.verify.VersionEndpointVerifier;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What follows a Successful refresh, in this order: the last-good parameter first, because it is what the Service
 * stack renders new versions from and AWS already points the group at N; then the template's default version (for
 * people: nothing launches $Default); then the checks that the fleet and the service really run the new image.
 * A crash between the refresh and the parameter write is repaired by the next deploy's preflight.
 */
public final class Promotion {
    private final LastGoodParameter lastGood;
    private final DefaultVersionPromoter promoter;
    private final FleetVerifier fleet;
    private final VersionEndpointVerifier endpoint;
    private final Clock clock;
    private final PrintWriter out;

    public Promotion(LastGoodParameter lastGood, DefaultVersionPromoter promoter, FleetVerifier fleet,
                     VersionEndpointVerifier endpoint, Clock clock, PrintWriter out) {
        this.lastGood = lastGood;
        this.promoter = promoter;
        this.fleet = fleet;
        this.endpoint = endpoint;
        this.clock = clock;
        this.out = out;
    }

    /** Before any other change: the parameter catches up with a refresh that ended Successful without its write. */
    void repairIfNeeded(Plan plan) {
        LastGoodState state = plan.lastGood();
        if (!state.needsRepair()) {
            return;
        }
        lastGood.write(state.parameter(), state.running());
        out.println("Repaired the last-good parameter " + state.parameter() + ": it recorded "
                + LastGoodValue.format(state.recorded()) + ", but instance refresh " + state.repairFromRefresh().get()
                + " to version " + plan.source().number() + " ended Successful with " + LastGoodValue.format(state.running())
                + ", whose deploy stopped before writing it.");
        if (plan.template().defaultVersion() != plan.source().number()) {
            promoter.promote(plan.template().id(), plan.source().number());
            out.println("Launch template " + plan.template().name() + " default version is now "
                    + plan.source().number() + ", as that deploy would have left it.");
        }
    }

    void promote(DeployRequest request, Plan plan, long version) {
        lastGood.write(plan.lastGood().parameter(), plan.description());
        out.println("Last-good parameter " + plan.lastGood().parameter() + " is now " + LastGoodValue.format(plan.description()) + ".");
        promoter.promote(plan.template().id(), version);
        out.println("Launch template " + plan.template().name() + " default version is now " + version + ".");
        int instances = fleet.verify(plan.group().name(), plan.template().id(), version);
        out.println("Verified: all " + instances + " InService instances of " + plan.group().name() + " run version " + version + ".");
        request.verifyUrl().ifPresent(url -> endpoint.verify(url, plan.image().digest(),
                Deadline.after(clock, request.verifyTimeout()), out));
    }
}
