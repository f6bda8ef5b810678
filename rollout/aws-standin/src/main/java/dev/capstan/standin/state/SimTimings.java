package dev.capstan.standin.state;

import java.time.Duration;

/**
 * How long simulated things take (simulated time). Each figure says where it comes from: AWS documentation where
 * AWS documents a duration, public measurements where it does not, and this repository's own measurements of the
 * service's boot. Per-instance spreads are applied by {@link InstanceTimings}.
 */
public final class SimTimings {

    /** A refresh stays {@code Pending} briefly before it plans its work (no AWS figure; a few seconds in practice). */
    public static final Duration REFRESH_PENDING = Duration.ofSeconds(5);

    /**
     * RunInstances to EC2 {@code running}: the group's {@code Pending} state. Public measurements: 16.4-16.6 s from
     * pending to running on t3, m6i, m7i, c7i and r7i (github.com/brevdev/ec2-coldboot-research, 2025), about 5 s on
     * c5.xlarge (daemonology.net/blog/2021-08-12-EC2-boot-time-benchmarking.html). 12 s plus a per-instance spread
     * of up to {@link #EC2_LAUNCH_SPREAD}.
     */
    public static final Duration EC2_LAUNCH = Duration.ofSeconds(12);
    public static final Duration EC2_LAUNCH_SPREAD = Duration.ofSeconds(8);

    /**
     * EC2 {@code running} to cloud-init running the user data: the OS boot. Public measurements: 17 s from running
     * to "port 22 closed" on Linux AMIs (daemonology.net, 2021), 3.2 s from boot to SSH (brevdev, 2025); Amazon Linux
     * 2023 boots fastest of the general-purpose AMIs (martysweet.co.uk/ec2-launch-times, 2023). 8 s.
     */
    public static final Duration OS_BOOT = Duration.ofSeconds(8);

    /**
     * boot.sh's {@code dnf install -y docker} and {@code systemctl enable --now docker} on an AMI without Docker. Not
     * measured in this repository; docs/boot.md budgets "typically under two minutes" for installing Docker and
     * pulling the image together. 20 s (an estimate inside that budget).
     */
    public static final Duration DOCKER_INSTALL = Duration.ofSeconds(20);

    /**
     * ECR login and {@code docker pull} of the 135 MB image (docs/boot.md, "Measured": the image is 135 MB), layers
     * extracted. 6 s plus a per-instance spread of up to {@link #IMAGE_PULL_SPREAD} (an estimate: two AWS CLI calls
     * and an in-region pull of 135 MB).
     */
    public static final Duration IMAGE_PULL = Duration.ofSeconds(6);
    public static final Duration IMAGE_PULL_SPREAD = Duration.ofSeconds(4);

    /**
     * {@code docker run} to the first 200 from {@code /health-check?type=ready}: 1,107 ms median
     * (docs/performance.md, Startup, "container: podman run → ready, the image"); docs/boot.md's rehearsal logs
     * "ready 1.1 s after docker run".
     */
    public static final Duration CONTAINER_READY = Duration.ofMillis(1100);

    /**
     * boot.sh's DescribeAutoScalingInstances, DescribeLifecycleHooks and CompleteLifecycleAction through the AWS CLI
     * after readiness (docs/boot.md, Boot sequence). 2 s (an estimate: three CLI starts and calls).
     */
    public static final Duration HOOK_COMPLETION = Duration.ofSeconds(2);

    /** {@code Pending:Proceed} to {@code InService}; with a target group, the registration happens here. */
    public static final Duration PROCEED = Duration.ofSeconds(2);

    /**
     * {@code Terminating} to gone, after any deregistration delay: EC2 shutting down, which stops the container
     * (the service drains for DRAIN_WINDOW, 15 s, docs/operations.md). 15 s.
     */
    public static final Duration TERMINATE = Duration.ofSeconds(15);

    /** An instance doomed by {@code failRefreshAt} turns Unhealthy this long after it enters InService. */
    public static final Duration UNHEALTHY_AFTER = Duration.ofSeconds(10);

    /** A cancelled refresh stays {@code Cancelling} at least this long (and until its batch in flight finishes). */
    public static final Duration CANCEL_SETTLE = Duration.ofSeconds(10);

    /**
     * How long a refresh waits for protected or Standby instances before it fails
     * (botocore/data/autoscaling/2011-01-01/service-2.json, {@code RefreshPreferences.ScaleInProtectedInstances} / {@code StandbyInstances}, {@code Wait}: "waits one hour").
     */
    public static final Duration PROTECTED_WAIT = Duration.ofHours(1);

    /** botocore/data/autoscaling/2011-01-01/service-2.json, {@code RefreshPreferences.CheckpointDelay}: "defaults to 3600 (1 hour)". */
    public static final Duration DEFAULT_CHECKPOINT_DELAY = Duration.ofHours(1);

    private SimTimings() {
    }
}
