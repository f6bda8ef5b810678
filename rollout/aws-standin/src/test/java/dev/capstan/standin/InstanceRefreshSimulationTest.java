package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefreshStatus;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences.Builder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceRefreshSimulationTest {

    private static final String GROUP = "web";
    private static final String TEMPLATE = "capstan";
    private static final String HOOK = "web-launch";

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final AutoScalingClient asg = AWS.autoScaling();

    @BeforeEach
    void world() {
        standIn.ec2().createLaunchTemplate(TEMPLATE, "#!/bin/bash\necho v1\n");
        standIn.ec2().createVersion(TEMPLATE, "#!/bin/bash\necho v2\n", "image capstan:def5678");
    }

    private void group(GroupSpec spec) {
        standIn.autoScaling().createGroup(spec);
    }

    private void fourInstanceGroup() {
        group(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(4).launchHook(HOOK));
    }

    private String start(String version, Consumer<Builder> preferences) {
        return asg.startInstanceRefresh(r -> r.autoScalingGroupName(GROUP).strategy("Rolling")
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName(TEMPLATE).version(version)))
                .preferences(preferences)).instanceRefreshId();
    }

    private InstanceRefresh describe(String id) {
        return asg.describeInstanceRefreshes(r -> r.autoScalingGroupName(GROUP).instanceRefreshIds(id))
                .instanceRefreshes().get(0);
    }

    /** Advances in small steps, collecting each distinct "status percentage" seen, until the refresh ends. */
    private List<String> runToEnd(String id) {
        Set<String> seen = new LinkedHashSet<>();
        for (int step = 0; step < 2000; step++) {
            InstanceRefresh r = describe(id);
            seen.add(r.statusAsString() + " " + r.percentageComplete());
            if (r.endTime() != null) {
                break;
            }
            standIn.clock().advance(Duration.ofSeconds(5));
        }
        return new ArrayList<>(seen);
    }


    /** Advances in 5 s steps (at most 1000 s) until the refresh satisfies {@code until}. */
    private void advanceUntil(String id, java.util.function.Predicate<InstanceRefresh> until) {
        for (int step = 0; step < 200 && !until.test(describe(id)); step++) {
            standIn.clock().advance(Duration.ofSeconds(5));
        }
    }

    @Test
    void successfulRefreshReplacesEveryInstanceInBatchesAndPointsTheGroupAtTheNewVersion() {
        fourInstanceGroup();
        List<String> before = standIn.autoScaling().group(GROUP).instances().stream().map(InstanceView::instanceId).toList();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(30));

        List<String> progress = runToEnd(id);

        assertThat(progress).containsSubsequence("Pending 0", "InProgress 0", "InProgress 50", "Successful 100");
        InstanceRefresh done = describe(id);
        assertThat(done.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        assertThat(done.instancesToUpdate()).isZero();
        assertThat(done.endTime()).isAfter(done.startTime());
        assertThat(done.preferences().minHealthyPercentage()).isEqualTo(50);
        assertThat(done.preferences().instanceWarmup()).isEqualTo(30);
        assertThat(done.desiredConfiguration().launchTemplate().version()).isEqualTo("2");
        GroupView group = standIn.autoScaling().group(GROUP);
        assertThat(group.launchTemplate().version()).isEqualTo("2");
        assertThat(group.launchTemplate().launchTemplateId()).isEqualTo(standIn.ec2().launchTemplate(TEMPLATE).id());
        assertThat(group.instances()).hasSize(4).allSatisfy(i -> {
            assertThat(i.lifecycleState()).isEqualTo("InService");
            assertThat(i.launchTemplateVersion()).isEqualTo("2");
            assertThat(before).doesNotContain(i.instanceId());
        });
        assertThat(standIn.autoScaling().lifecycleActions()).hasSize(4)
                .allSatisfy(a -> assertThat(a.result()).isEqualTo("CONTINUE"));
    }

    @Test
    void statusReasonSaysWhatTheRefreshWaitsFor() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(75).instanceWarmup(60));
        Set<String> reasons = new LinkedHashSet<>();
        for (int step = 0; step < 60; step++) {
            standIn.clock().advance(Duration.ofSeconds(5));
            String reason = describe(id).statusReason();
            if (reason != null) {
                reasons.add(reason.replaceAll("i-[0-9a-f]+", "i-x"));
            }
        }
        assertThat(reasons).contains(
                "Terminating instances before launching their replacements. For example: i-x is Terminating.",
                "Waiting for new instances to launch and pass health checks. For example: i-x is Pending:Wait.",
                "Waiting for instances to warm up before continuing. For example: i-x is warming up.");
    }

    @Test
    void maxHealthyAbove100LaunchesReplacementsBeforeTerminating() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(100).maxHealthyPercentage(150).instanceWarmup(10));
        long most = 0;
        for (int step = 0; step < 400 && describe(id).endTime() == null; step++) {
            standIn.clock().advance(Duration.ofSeconds(2));
            most = Math.max(most, standIn.autoScaling().group(GROUP).instances().stream()
                    .filter(i -> !i.lifecycleState().startsWith("Terminat")).count());
            assertThat(standIn.autoScaling().group(GROUP).inServiceInstances().size()).isGreaterThanOrEqualTo(4);
        }
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        assertThat(most).isEqualTo(6);
    }

    @Test
    void checkpointPausesForItsDelayAndSaysSo() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0)
                .checkpointPercentages(50, 100).checkpointDelay(600));
        for (int step = 0; step < 100 && describe(id).percentageComplete() < 50; step++) {
            standIn.clock().advance(Duration.ofSeconds(5));
        }
        InstanceRefresh paused = describe(id);
        assertThat(paused.status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);
        assertThat(paused.statusReason()).contains("Checkpoint 50% reached").contains("600 seconds");

        standIn.clock().advance(Duration.ofSeconds(590));
        assertThat(describe(id).percentageComplete()).isEqualTo(50);
        assertThat(describe(id).statusReason()).contains("Checkpoint 50%");

        assertThat(runToEnd(id)).last().isEqualTo("Successful 100");
    }

    @Test
    void bakeTimeHoldsTheRefreshInBakingAfterAllInstancesAreReplaced() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0).bakeTime(300));
        for (int step = 0; step < 200 && describe(id).percentageComplete() < 100; step++) {
            standIn.clock().advance(Duration.ofSeconds(5));
        }
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.BAKING);
        standIn.clock().advance(Duration.ofSeconds(295));
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.BAKING);
        standIn.clock().advance(Duration.ofSeconds(10));
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
    }

    @Test
    void skipMatchingFinishesAtOnceWhenEveryInstanceAlreadyRunsTheDesiredVersion() {
        fourInstanceGroup();
        List<String> before = standIn.autoScaling().group(GROUP).instances().stream().map(InstanceView::instanceId).toList();
        String id = start("1", p -> p.skipMatching(true));
        standIn.clock().advance(Duration.ofSeconds(6));
        InstanceRefresh r = describe(id);
        assertThat(r.status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        assertThat(r.percentageComplete()).isEqualTo(100);
        assertThat(r.instancesToUpdate()).isZero();
        assertThat(standIn.autoScaling().group(GROUP).instances()).extracting(InstanceView::instanceId)
                .containsExactlyElementsOf(before);
    }

    @Test
    void skipMatchingReplacesOnlyInstancesOnOtherVersions() {
        group(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(4)
                .instance(InstanceSpec.inService("i-0000000000000a001", "eu-west-1a"))
                .instance(InstanceSpec.inService("i-0000000000000a002", "eu-west-1b"))
                .instance(InstanceSpec.inService("i-0000000000000a003", "eu-west-1a").onVersion("2"))
                .instance(InstanceSpec.inService("i-0000000000000a004", "eu-west-1b").onVersion("2")));
        String id = start("2", p -> p.skipMatching(true).minHealthyPercentage(50).instanceWarmup(0));
        standIn.clock().advance(Duration.ofSeconds(6));
        assertThat(describe(id).instancesToUpdate()).isEqualTo(2);
        assertThat(runToEnd(id)).last().isEqualTo("Successful 100");
        assertThat(standIn.autoScaling().group(GROUP).instances()).extracting(InstanceView::instanceId)
                .contains("i-0000000000000a003", "i-0000000000000a004")
                .doesNotContain("i-0000000000000a001", "i-0000000000000a002");
    }

    @Test
    void failingInstancesWithAutoRollbackRollBackToTheOldVersion() {
        fourInstanceGroup();
        standIn.faults().failRefreshAt(GROUP, 50);
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(30).autoRollback(true));

        List<String> progress = runToEnd(id);

        assertThat(progress).containsSubsequence("InProgress 50", "RollbackInProgress 50", "RollbackSuccessful 0");
        InstanceRefresh r = describe(id);
        assertThat(r.statusReason()).contains("failed health checks");
        assertThat(r.rollbackDetails().rollbackReason()).contains("failed health checks");
        assertThat(r.rollbackDetails().percentageCompleteOnRollback()).isEqualTo(50);
        assertThat(r.rollbackDetails().instancesToUpdateOnRollback()).isEqualTo(2);
        assertThat(r.rollbackDetails().rollbackStartTime()).isAfter(r.startTime());
        assertThat(r.rollbackDetails().progressDetailsOnRollback().livePoolProgress().percentageComplete()).isEqualTo(50);
        GroupView group = standIn.autoScaling().group(GROUP);
        assertThat(group.launchTemplate().version()).isEqualTo("1");
        assertThat(group.inServiceInstances()).hasSize(4)
                .allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("1"));
    }

    @Test
    void failingInstancesWithoutAutoRollbackFailTheRefreshAndLeaveTheGroupAlone() {
        fourInstanceGroup();
        standIn.faults().failRefreshAt(GROUP, 0);
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(30));

        assertThat(runToEnd(id)).last().isEqualTo("Failed 0");
        // Launch times differ per instance, so the first doomed instance to fail its checks fails the refresh.
        assertThat(describe(id).statusReason()).startsWith("Instance refresh failed: ").contains("failed health checks");
        assertThat(describe(id).rollbackDetails()).isNull();
        standIn.clock().advance(Duration.ofMinutes(5));
        GroupView group = standIn.autoScaling().group(GROUP);
        assertThat(group.launchTemplate().version()).isEqualTo("1");
        assertThat(group.instances()).hasSize(4).allSatisfy(i -> {
            assertThat(i.lifecycleState()).isEqualTo("InService");
            assertThat(i.launchTemplateVersion()).isEqualTo("1");
        });
    }

    @Test
    void aRollbackThatFailsEndsRollbackFailed() {
        fourInstanceGroup();
        standIn.faults().failRefreshAt(GROUP, 50).failRollback(GROUP);
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(30).autoRollback(true));

        assertThat(runToEnd(id)).last().asString().startsWith("RollbackFailed");
        assertThat(describe(id).statusReason()).startsWith("Rollback failed:");
        assertThat(describe(id).rollbackDetails()).isNotNull();
    }

    @Test
    void cancelGoesThroughCancellingToCancelledAndKeepsFinishedReplacements() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(75).instanceWarmup(0));
        standIn.clock().advance(Duration.ofSeconds(30));

        assertThat(asg.cancelInstanceRefresh(r -> r.autoScalingGroupName(GROUP)).instanceRefreshId()).isEqualTo(id);
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.CANCELLING);
        assertThat(runToEnd(id)).last().asString().startsWith("Cancelled");
        assertThat(describe(id).percentageComplete()).isEqualTo(25);
        assertThat(standIn.autoScaling().group(GROUP).launchTemplate().version()).isEqualTo("1");
        assertThatThrownBy(() -> asg.cancelInstanceRefresh(r -> r.autoScalingGroupName(GROUP)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ActiveInstanceRefreshNotFound"));
    }

    @Test
    void manualRollbackRestoresTheOldVersion() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0));
        advanceUntil(id, r -> r.percentageComplete() >= 50);

        assertThat(asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP)).instanceRefreshId()).isEqualTo(id);

        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
        assertThat(describe(id).rollbackDetails().rollbackReason()).contains("RollbackInstanceRefresh");
        assertThat(runToEnd(id)).last().isEqualTo("RollbackSuccessful 0");
        assertThat(standIn.autoScaling().group(GROUP).inServiceInstances())
                .allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("1"));
    }

    @Test
    void cancellingARollbackStopsItWhereItIsAndKeepsItsDetails() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(75).instanceWarmup(0));
        advanceUntil(id, r -> r.percentageComplete() >= 75);
        asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP));
        advanceUntil(id, r -> r.percentageComplete() < 75);
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);

        assertThat(asg.cancelInstanceRefresh(r -> r.autoScalingGroupName(GROUP)).instanceRefreshId()).isEqualTo(id);

        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.CANCELLING);
        assertThat(runToEnd(id)).last().asString().startsWith("Cancelled");
        InstanceRefresh cancelled = describe(id);
        assertThat(cancelled.percentageComplete()).isBetween(1, 74);
        assertThat(cancelled.statusReason()).contains("Rollback cancelled");
        assertThat(cancelled.rollbackDetails().percentageCompleteOnRollback()).isEqualTo(75);
        standIn.clock().advance(Duration.ofMinutes(10));
        GroupView group = standIn.autoScaling().group(GROUP);
        assertThat(group.launchTemplate().version()).isEqualTo("1");
        assertThat(group.inServiceInstances()).hasSize(4).extracting(InstanceView::launchTemplateVersion)
                .contains("1", "2");
        assertThatThrownBy(() -> asg.cancelInstanceRefresh(r -> r.autoScalingGroupName(GROUP)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ActiveInstanceRefreshNotFound"));
    }

    @Test
    void rollbackNeedsAnActiveReversibleRefresh() {
        fourInstanceGroup();
        assertThatThrownBy(() -> asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ActiveInstanceRefreshNotFound"));
        start("$Latest", p -> p.minHealthyPercentage(50));
        assertThatThrownBy(() -> asg.rollbackInstanceRefresh(r -> r.autoScalingGroupName(GROUP)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("IrreversibleInstanceRefresh"));
    }

    @Test
    void aSecondRefreshIsRefusedWhileOneIsActive() {
        fourInstanceGroup();
        start("2", p -> p.minHealthyPercentage(50));
        assertThatThrownBy(() -> start("2", p -> p.minHealthyPercentage(50)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InstanceRefreshInProgress"));
        assertThat(standIn.calls("StartInstanceRefresh")).extracting(RecordedCall::errorCode)
                .containsExactly(null, "InstanceRefreshInProgress");
    }

    @Test
    void invalidPreferenceCombinationsAreValidationErrorsAndStartNothing() {
        fourInstanceGroup();
        List<Consumer<Builder>> invalid = List.of(
                p -> p.checkpointPercentages(50, 20, 100),
                p -> p.checkpointPercentages(50, 50, 100),
                p -> p.checkpointDelay(60),
                p -> p.maxHealthyPercentage(150),
                p -> p.minHealthyPercentage(20).maxHealthyPercentage(150),
                p -> p.minHealthyPercentage(101));
        for (Consumer<Builder> preferences : invalid) {
            assertThatThrownBy(() -> start("2", preferences))
                    .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        }
        assertThatThrownBy(() -> start("$Latest", p -> p.autoRollback(true)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName(GROUP)
                .preferences(p -> p.autoRollback(true))))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> start("9", p -> p.minHealthyPercentage(50)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
        assertThat(standIn.autoScaling().refreshes(GROUP)).isEmpty();
    }

    @Test
    void autoRollbackIsRefusedWhenTheGroupUsesDefaultVersion() {
        group(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "$Default").capacity(2));
        assertThatThrownBy(() -> start("2", p -> p.autoRollback(true)))
                .satisfies(e -> assertThat(e).hasMessageContaining("$Default"))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
    }

    @Test
    void heldLaunchesWaitForCompleteLifecycleAction() {
        group(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(1).launchHook(HOOK)
                .holdLifecycleActions(true));
        String id = start("2", p -> p.minHealthyPercentage(0).instanceWarmup(0));
        standIn.clock().advance(Duration.ofMinutes(10));
        InstanceView waiting = standIn.autoScaling().group(GROUP).instances().stream()
                .filter(i -> i.lifecycleState().equals("Pending:Wait")).findFirst().orElseThrow();
        assertThat(describe(id).statusReason()).contains(waiting.instanceId() + " is Pending:Wait");

        asg.completeLifecycleAction(r -> r.autoScalingGroupName(GROUP).lifecycleHookName(HOOK)
                .instanceId(waiting.instanceId()).lifecycleActionResult("CONTINUE"));
        standIn.clock().advance(Duration.ofSeconds(5));

        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.SUCCESSFUL);
        assertThat(standIn.autoScaling().lifecycleActions()).singleElement().satisfies(a -> {
            assertThat(a.instanceId()).isEqualTo(waiting.instanceId());
            assertThat(a.result()).isEqualTo("CONTINUE");
            assertThat(a.source()).isEqualTo("api");
        });
    }

    @Test
    void anAbandonedLaunchFailsTheRefresh() {
        group(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(1).launchHook(HOOK)
                .holdLifecycleActions(true));
        String id = start("2", p -> p.minHealthyPercentage(0).instanceWarmup(0).autoRollback(true));
        standIn.clock().advance(Duration.ofSeconds(60));
        String waiting = standIn.autoScaling().group(GROUP).instances().stream()
                .filter(i -> i.lifecycleState().equals("Pending:Wait")).findFirst().orElseThrow().instanceId();

        asg.completeLifecycleAction(r -> r.autoScalingGroupName(GROUP).lifecycleHookName(HOOK)
                .instanceId(waiting).lifecycleActionResult("ABANDON"));

        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
        assertThat(describe(id).statusReason()).contains(waiting);
    }

    @Test
    void completingALifecycleActionThatIsNotWaitingIsAValidationError() {
        fourInstanceGroup();
        String inService = standIn.autoScaling().group(GROUP).instances().get(0).instanceId();
        assertThatThrownBy(() -> asg.completeLifecycleAction(r -> r.autoScalingGroupName(GROUP).lifecycleHookName(HOOK)
                .instanceId(inService).lifecycleActionResult("CONTINUE")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"))
                .hasMessageContaining("No active Lifecycle Action found with instance ID " + inService);
        assertThat(standIn.autoScaling().lifecycleActions()).isEmpty();
    }

    @Test
    void anAlarmInTheAlarmSpecificationFailsTheRefreshAndRollsItBack() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(30).autoRollback(true)
                .alarmSpecification(a -> a.alarms("capstan-5xx")));
        standIn.clock().advance(Duration.ofSeconds(120));
        standIn.faults().alarm("some-other-alarm");
        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.IN_PROGRESS);

        standIn.faults().alarm("capstan-5xx");

        assertThat(describe(id).status()).isEqualTo(InstanceRefreshStatus.ROLLBACK_IN_PROGRESS);
        assertThat(describe(id).rollbackDetails().rollbackReason()).contains("capstan-5xx").contains("ALARM");
        assertThat(runToEnd(id)).last().isEqualTo("RollbackSuccessful 0");
    }

    @Test
    void protectedInstancesAreReplacedIgnoredOrWaitedForAsThePreferenceSays() {
        GroupSpec spec = GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .instance(InstanceSpec.inService("i-0000000000000b001", "eu-west-1a").withScaleInProtection())
                .instance(InstanceSpec.inService("i-0000000000000b002", "eu-west-1b"));
        group(spec);
        String ignore = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0).scaleInProtectedInstances("Ignore"));
        assertThat(runToEnd(ignore)).last().isEqualTo("Successful 100");
        assertThat(standIn.autoScaling().group(GROUP).instance("i-0000000000000b001")).isPresent();
        assertThat(standIn.autoScaling().group(GROUP).instance("i-0000000000000b002")).isEmpty();

        standIn.reset();
        world();
        group(spec);
        String waits = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0));
        standIn.clock().advance(Duration.ofMinutes(5));
        assertThat(describe(waits).statusReason()).contains("protected from scale in").contains("i-0000000000000b001");
        assertThat(runToEnd(waits)).last().isEqualTo("Failed 50");

        standIn.reset();
        world();
        group(spec);
        String refresh = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0).scaleInProtectedInstances("Refresh"));
        assertThat(runToEnd(refresh)).last().isEqualTo("Successful 100");
        assertThat(standIn.autoScaling().group(GROUP).instances())
                .allSatisfy(i -> assertThat(i.launchTemplateVersion()).isEqualTo("2"));
    }

    @Test
    void aLastCheckpointBelow100EndsTheRefreshThereWithoutRepointingTheGroup() {
        fourInstanceGroup();
        String id = start("2", p -> p.minHealthyPercentage(50).instanceWarmup(0).checkpointPercentages(50).checkpointDelay(60));
        List<String> progress = runToEnd(id);
        assertThat(progress).last().isEqualTo("Successful 50");
        assertThat(describe(id).instancesToUpdate()).isEqualTo(2);
        assertThat(standIn.autoScaling().group(GROUP).launchTemplate().version()).isEqualTo("1");
        assertThat(standIn.autoScaling().group(GROUP).instances()).extracting(InstanceView::launchTemplateVersion)
                .containsOnly("1", "2");
    }

    @Test
    void onlyTheRollingStrategyIsModelled() {
        fourInstanceGroup();
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName(GROUP).strategy("ReplaceRootVolume")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationError"));
    }
}
