package dev.capstan.infra;

import java.util.List;

/**
 * The names the stacks, the rollout CLI, the boot script and the IAM policies share (docs/infrastructure.md,
 * "Names"). Each is derived from the environment or the repository; nothing else may spell them.
 */
public record Names(String environment, String repository) {
    /** The service tag: the deploy role may only version launch templates carrying it. */
    public static final String SERVICE_TAG_KEY = "capstan:service";
    public static final String SERVICE_TAG_VALUE = "capstan";
    /** Group tags the CLI reads its defaults from (--last-good-parameter, --log-group). */
    public static final String LAST_GOOD_PARAMETER_TAG = "capstan:last-good-parameter";
    public static final String LOG_GROUP_TAG = "capstan:log-group";
    /** Instance tag carrying the image tag each instance was launched with. */
    public static final String IMAGE_TAG_TAG = "capstan:image-tag";
    public static final String LAUNCH_HOOK = "capstan-launch";
    /** The tag Auto Scaling puts on every instance it launches: the group's name. */
    public static final String GROUP_NAME_TAG = "aws:autoscaling:groupName";
    /** Every environment's instance role: what the deploy role may pass to EC2 (role names are account-wide). */
    public static final String INSTANCE_ROLE_PATTERN = "capstan-*-instance";
    public static final String IMAGE_PUSH_ROLE = "capstan-ci-image-push";
    public static final String DEPLOY_ROLE = "capstan-ci-deploy";
    /** The infrastructure workflow's role: cdk deploy of a Service stack through CDK's bootstrap roles. */
    public static final String INFRASTRUCTURE_ROLE = "capstan-ci-infrastructure";
    /** Every group the deploy role may refresh; group names are capstan-<environment>. */
    public static final String GROUP_PATTERN = "capstan-*";
    /** Every environment's last-good parameter. */
    public static final String LAST_GOOD_PARAMETER_PATTERN = "/capstan/*/last-good-image";

    public String group() {
        return "capstan-" + environment;
    }

    public String launchTemplate() {
        return "capstan-" + environment;
    }

    public String lastGoodParameter() {
        return "/capstan/" + environment + "/last-good-image";
    }

    /** One instance role per environment, so that several Service stacks can share an account. */
    public String instanceRole() {
        return "capstan-" + environment + "-instance";
    }

    public String logGroup() {
        return "/capstan/" + environment + "/service";
    }

    /** What each alarm the deploy passes to the refresh (--alarms) watches: the last part of its name. */
    public static final String ERROR_RATE_ALARM = "target-5xx-rate";
    public static final String LATENCY_ALARM = "p99-latency";
    public static final String HEALTHY_HOSTS_ALARM = "healthy-hosts-below-desired";
    /** The AWS-owned Session Manager document that forwards a local port to a port on the instance. */
    public static final String PORT_FORWARDING_DOCUMENT = "AWS-StartPortForwardingSession";

    public String alarm(String what) {
        return "capstan-" + environment + "-" + what;
    }

    /** The three alarms a refresh watches, by name. */
    public List<String> refreshAlarms() {
        return List.of(alarm(ERROR_RATE_ALARM), alarm(LATENCY_ALARM), alarm(HEALTHY_HOSTS_ALARM));
    }

    /** The managed policy operators attach: port forwarding to the group's instances, the dashboard. */
    public String operatorPolicy() {
        return "capstan-" + environment + "-operator";
    }

    public String dashboard() {
        return "capstan-" + environment;
    }
}
