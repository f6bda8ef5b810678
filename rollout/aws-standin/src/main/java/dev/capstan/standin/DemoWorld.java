package dev.capstan.standin;

import dev.capstan.standin.state.Digests;

/**
 * A believable world for a live run: ECR repository {@code capstan} with images {@code abc1234} and
 * {@code def5678}; launch template {@code capstan} whose version 1 (default) runs {@code abc1234}; group
 * {@code capstan-web} with 4 instances in two zones on version 1, a launch hook {@code capstan-launch} and the tags
 * {@code capstan:last-good-parameter} and {@code capstan:log-group}; SSM parameter
 * {@code /capstan/demo/last-good-image} = {@code capstan:abc1234@<digest of abc1234>}.
 */
public final class DemoWorld {

    public static final String REPOSITORY = "capstan";
    public static final String FIRST_TAG = "abc1234";
    public static final String SECOND_TAG = "def5678";
    public static final String TEMPLATE = "capstan";
    public static final String GROUP = "capstan-web";
    public static final String HOOK = "capstan-launch";
    /** The SSM parameter holding the last image a deploy ended Successful with, named by the group's tag. */
    public static final String LAST_GOOD_PARAMETER = "/capstan/demo/last-good-image";
    /** The log group the group's tag names for the instances' containers. */
    public static final String LOG_GROUP = "/capstan/service";

    private DemoWorld() {
    }

    public static void seed(AwsStandIn standIn) {
        String first = digestOf(REPOSITORY + ":" + FIRST_TAG);
        standIn.ecr().putImage(REPOSITORY, FIRST_TAG, first, 187_412_903L);
        standIn.ecr().putImage(REPOSITORY, SECOND_TAG, digestOf(REPOSITORY + ":" + SECOND_TAG), 187_409_118L);
        String imageRef = standIn.ecr().registryHost() + "/" + REPOSITORY + "@" + first;
        String userData = "#!/bin/bash\n"
                + "# Capstan boot script (demo seed): runs " + REPOSITORY + ":" + FIRST_TAG + "\n"
                + "set -euo pipefail\n"
                + "IMAGE_REF='" + imageRef + "'\n"
                + "IMAGE_TAG='" + FIRST_TAG + "'\n"
                + "IMAGE_DIGEST='" + first + "'\n"
                + "ASG_NAME='" + GROUP + "'\n";
        standIn.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE).userData(userData)
                .versionDescription("image " + REPOSITORY + ":" + FIRST_TAG + " " + first)
                .instanceTag("ImageTag", FIRST_TAG));
        standIn.ssm().putParameter(LAST_GOOD_PARAMETER, REPOSITORY + ":" + FIRST_TAG + "@" + first);
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(2, 4, 8)
                .availabilityZones("eu-west-1a", "eu-west-1b").launchHook(HOOK)
                .tag("capstan:last-good-parameter", LAST_GOOD_PARAMETER).tag("capstan:log-group", LOG_GROUP));
    }

    /** A stable, well-formed digest for a name (the demo has no real image bytes). */
    public static String digestOf(String name) {
        return Digests.sha256(name);
    }
}
