package dev.capstan.standin;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Starts and follows one group's instance refreshes through the real SDK, moving the stand-in's clock. */
final class RefreshDriver {

    private final AwsStandIn standIn;
    private final AutoScalingClient asg;
    private final String group;

    RefreshDriver(AwsStandIn standIn, AutoScalingClient asg, String group) {
        this.standIn = standIn;
        this.asg = asg;
        this.group = group;
    }

    /** StartInstanceRefresh to this template and version with these preferences; the refresh id. */
    String start(String template, String version, Consumer<RefreshPreferences.Builder> preferences) {
        return asg.startInstanceRefresh(r -> r.autoScalingGroupName(group)
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName(template).version(version)))
                .preferences(preferences)).instanceRefreshId();
    }

    InstanceRefresh describe(String id) {
        return asg.describeInstanceRefreshes(r -> r.autoScalingGroupName(group).instanceRefreshIds(id))
                .instanceRefreshes().get(0);
    }

    /** Advances in {@code step}s until the refresh has ended (at most {@code limit} simulated time); the refresh then. */
    InstanceRefresh runToEnd(String id, Duration step, Duration limit) {
        return runUntil(id, r -> r.endTime() != null, step, limit);
    }

    /** Advances in {@code step}s until {@code done} holds for the refresh; fails after {@code limit}. */
    InstanceRefresh runUntil(String id, Predicate<InstanceRefresh> done, Duration step, Duration limit) {
        for (Duration waited = Duration.ZERO; waited.compareTo(limit) <= 0; waited = waited.plus(step)) {
            InstanceRefresh r = describe(id);
            if (done.test(r)) {
                return r;
            }
            standIn.clock().advance(step);
        }
        throw new AssertionError("the refresh did not get there within " + limit + ": " + describe(id));
    }
}
