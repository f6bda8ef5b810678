package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceView;
import dev.capstan.standin.LaunchTemplateVersionView;
import dev.capstan.standin.LaunchTemplateView;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.TemplateSpec;
import org.junit.jupiter.api.Test;

class DeployTest extends Scenario {

    @Test
    void deploysTheNewImageThroughANewVersionAndARefreshThenPromotesIt() {
        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        LaunchTemplateView template = STAND_IN.ec2().launchTemplate(TEMPLATE);
        assertThat(template.defaultVersionNumber()).isEqualTo(2);
        LaunchTemplateVersionView v2 = template.version(2).orElseThrow();
        assertThat(v2.versionDescription()).isEqualTo("image capstan:def5678 " + NEW_DIGEST);
        assertThat(v2.userDataText()).contains("IMAGE_REF='" + REGISTRY + "/capstan@" + NEW_DIGEST + "'")
                .contains("IMAGE_TAG='def5678'").contains("ASG_NAME='capstan-web'");
        assertThat(v2.instanceTags()).containsEntry("capstan:image-tag", NEW_TAG).containsEntry("Name", "capstan-web");
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .hasSize(3).extracting(InstanceView::launchTemplateVersion).containsOnly("2");
        assertThat(result.out()).contains("Deployed capstan:def5678 " + NEW_DIGEST + " to capstan-web");
    }

    @Test
    void buildsTheNewVersionFromTheGroupsVersionAndNamesItByNumberWithoutTouchingTheGroupFirst() {
        deploy();

        RecordedCall create = STAND_IN.calls("CreateLaunchTemplateVersion").get(0);
        assertThat(create.param("SourceVersion")).isEqualTo("1");
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("DesiredConfiguration.LaunchTemplate.Version")).isEqualTo("2");
        assertThat(start.param("Preferences.AutoRollback")).isEqualTo("true");
        assertThat(start.param("Preferences.SkipMatching")).isEqualTo("true");
        assertThat(mutatingActions()).containsExactly(
                "CreateLaunchTemplateVersion", "StartInstanceRefresh", "PutParameter", "ModifyLaunchTemplate");
    }

    @Test
    void theSourceIsTheVersionTheGroupRunsEvenWhenTheDefaultIsAnother() {
        // A stack update made version 2 and pointed the group at it without moving the default (CloudFormation
        // cannot name $Default), so the default still names version 1.
        STAND_IN.reset();
        STAND_IN.ecr().putImage(REPOSITORY, NEW_TAG, NEW_DIGEST);
        STAND_IN.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE).userData("#!/bin/bash\n")
                .versionDescription("image capstan:" + OLD_TAG + " " + OLD_DIGEST));
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\necho stack\n", "image capstan:" + OLD_TAG + " " + OLD_DIGEST);
        STAND_IN.autoScaling().createGroup(tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "2").capacity(3)));
        recordLastGood(OLD_TAG, OLD_DIGEST);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.calls("CreateLaunchTemplateVersion").get(0).param("SourceVersion")).isEqualTo("2");
        assertThat(result.out()).contains("Created launch template capstan-web version 3 from version 2");
    }

    @Test
    void withoutFlagsOrAMaintenancePolicyTheRefreshLaunchesBeforeTerminating() {
        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.MinHealthyPercentage")).isEqualTo("100");
        assertThat(start.param("Preferences.MaxHealthyPercentage")).isEqualTo("200");
        assertThat(result.out()).contains("min healthy 100%, max healthy 200% (launch before terminate");
        assertThat(STAND_IN.autoScaling().capacity(GROUP)).allSatisfy(sample ->
                assertThat(sample.inService()).as("in service at %s", sample.at()).isGreaterThanOrEqualTo(3));
    }

    @Test
    void aGroupWithAMixedInstancesPolicyKeepsItAndGetsTheNewVersionInsideIt() {
        replaceTheWorld(TemplateSpec.named(TEMPLATE), tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .capacity(2).mixedInstancesPolicy(true)));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("DesiredConfiguration.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.Version"))
                .isEqualTo("2");
        assertThat(start.param("DesiredConfiguration.LaunchTemplate.Version")).isNull();
        assertThat(STAND_IN.autoScaling().group(GROUP).mixedInstancesPolicy()).isTrue();
        assertThat(STAND_IN.autoScaling().group(GROUP).inServiceInstances())
                .extracting(InstanceView::launchTemplateVersion).containsOnly("2");
    }

    @Test
    void printsOneLinePerChangeWithTimeStatusPercentageInstancesAndReason() {
        Result result = deploy();

        assertThat(result.out()).containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ  Pending\\s+0%  \\d+ to update")
                .containsPattern("Z  InProgress\\s+\\d+%  \\d+ to update")
                .containsPattern("Z  Successful\\s+100%  0 to update");
        long lines = result.out().lines().filter(l -> l.matches("^\\d{4}-.*")).count();
        long distinct = result.out().lines().filter(l -> l.matches("^\\d{4}-.*")).map(l -> l.substring(21)).distinct().count();
        assertThat(lines).as("no line repeats the previous state").isEqualTo(distinct);
    }

    @Test
    void renderUserDataPrintsExactlyWhatDeployStores() {
        deploy();

        Result rendered = rollout("render-user-data", "--image", REGISTRY + "/capstan@" + NEW_DIGEST, "--tag", NEW_TAG,
                "--asg", GROUP);

        assertThat(rendered.exitCode()).as(rendered.all()).isZero();
        assertThat(rendered.out()).isEqualTo(userDataText(2));
    }

    @Test
    void aRerunOfTheSameTagCreatesNoVersionAndSaysSo() {
        assertThat(deploy().exitCode()).isZero();
        STAND_IN.reset();
        freshWorldAfterDeploy();

        Result again = deploy();

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("Nothing to do");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void theSameTagRedeployedRightAfterSuccessChangesNothing() {
        assertThat(deploy().exitCode()).isZero();
        long versionsBefore = calls("CreateLaunchTemplateVersion");

        Result again = deploy();

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to do: launch template capstan-web version 2 already carries capstan:def5678");
        assertThat(calls("CreateLaunchTemplateVersion")).isEqualTo(versionsBefore);
        assertThat(STAND_IN.ec2().launchTemplate(TEMPLATE).latestVersionNumber()).isEqualTo(2);
    }

    @Test
    void theRegistryHostCanBeGiven() {
        Result result = deploy("--registry", "registry.example.test:5000");

        assertThat(result.exitCode()).isZero();
        assertThat(userDataText(2)).contains("IMAGE_REF='registry.example.test:5000/capstan@" + NEW_DIGEST + "'");
    }

    @Test
    void preferencesReachStartInstanceRefresh() {
        Result result = deploy("--min-healthy", "100", "--max-healthy", "150", "--warmup", "30s",
                "--checkpoints", "50,100", "--checkpoint-delay", "1m", "--no-skip-matching", "--bake-time", "2m");

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.MinHealthyPercentage")).isEqualTo("100");
        assertThat(start.param("Preferences.MaxHealthyPercentage")).isEqualTo("150");
        assertThat(start.param("Preferences.InstanceWarmup")).isEqualTo("30");
        assertThat(start.param("Preferences.CheckpointPercentages.member.1")).isEqualTo("50");
        assertThat(start.param("Preferences.CheckpointPercentages.member.2")).isEqualTo("100");
        assertThat(start.param("Preferences.CheckpointDelay")).isEqualTo("60");
        assertThat(start.param("Preferences.SkipMatching")).isEqualTo("false");
        assertThat(start.param("Preferences.BakeTime")).isEqualTo("120");
    }

    /** Seeds the world as a successful deploy of NEW_TAG leaves it: version 2 default, every instance on it. */
    private void freshWorldAfterDeploy() {
        STAND_IN.ecr().putImage(REPOSITORY, NEW_TAG, NEW_DIGEST);
        STAND_IN.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE)
                .userData("#!/bin/bash\n").versionDescription("image capstan:" + OLD_TAG + " " + OLD_DIGEST));
        STAND_IN.ec2().createVersion(TEMPLATE, "#!/bin/bash\n", "image capstan:" + NEW_TAG + " " + NEW_DIGEST);
        STAND_IN.ec2().setDefaultVersion(TEMPLATE, 2);
        STAND_IN.autoScaling().createGroup(tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "2").capacity(3)));
        recordLastGood(NEW_TAG, NEW_DIGEST);
    }
}
