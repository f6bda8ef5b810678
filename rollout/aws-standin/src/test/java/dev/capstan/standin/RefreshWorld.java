package dev.capstan.standin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link FreshStandIn} for refresh tests: before each test the stand-in is reset and, unless made with
 * {@link #withoutTemplate(String)}, holds launch template {@code capstan} with versions 1 and 2. Starts and follows
 * one group's instance refreshes through the real SDK, moving the stand-in's clock. The test's own
 * {@code @BeforeEach} runs after it and seeds the group.
 */
final class RefreshWorld implements BeforeEachCallback, AfterAllCallback {

    static final String TEMPLATE = "capstan";

    private final FreshStandIn fresh = new FreshStandIn();
    private final AutoScalingClient asg = fresh.autoScaling();
    private final Ec2Client ec2 = fresh.ec2();
    private final String group;
    private final boolean seedTemplate;

    private RefreshWorld(String group, boolean seedTemplate) {
        this.group = group;
        this.seedTemplate = seedTemplate;
    }

    static RefreshWorld forGroup(String group) {
        return new RefreshWorld(group, true);
    }

    static RefreshWorld withoutTemplate(String group) {
        return new RefreshWorld(group, false);
    }

    AwsStandIn standIn() {
        return fresh.standIn();
    }

    AutoScalingClient autoScaling() {
        return asg;
    }

    Ec2Client ec2() {
        return ec2;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fresh.beforeEach(context);
        seed();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        fresh.afterAll(context);
    }

    /** Resets the stand-in in the middle of a test, seeding the template again. */
    void reset() {
        standIn().reset();
        seed();
    }

    private void seed() {
        if (seedTemplate) {
            standIn().ec2().createLaunchTemplate(TEMPLATE, "#!/bin/bash\necho v1\n");
            standIn().ec2().createVersion(TEMPLATE, "#!/bin/bash\necho v2\n", "v2");
        }
    }

    /** StartInstanceRefresh to this version of {@code capstan} with these preferences; the refresh id. */
    String start(String version, Consumer<RefreshPreferences.Builder> preferences) {
        return asg.startInstanceRefresh(r -> r.autoScalingGroupName(group)
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName(TEMPLATE).version(version)))
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
            standIn().clock().advance(step);
        }
        throw new AssertionError("the refresh did not get there within " + limit + ": " + describe(id));
    }
}
