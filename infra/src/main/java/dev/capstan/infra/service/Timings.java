package dev.capstan.infra.service;

/**
 * The times the load balancer, the group and the service must agree on, in one place (docs/infrastructure.md,
 * "The arithmetic"). The service's side is config.yml: a drain window of 15 s and an idle timeout of 75 s.
 */
public final class Timings {
    /** The service's DRAIN_WINDOW default (config.yml): readiness answers 503, requests are still served. */
    public static final int SERVICE_DRAIN_WINDOW_SECONDS = 15;

    /** Health checks every 5 s, each allowed 2 s, 2 to mark a target healthy and 2 to mark it unhealthy. */
    public static final int HEALTH_CHECK_INTERVAL_SECONDS = 5;
    public static final int HEALTH_CHECK_TIMEOUT_SECONDS = 2;
    public static final int HEALTHY_THRESHOLD = 2;
    public static final int UNHEALTHY_THRESHOLD = 2;

    /**
     * Auto Scaling deregisters an instance and waits this long before it terminates it (SIGTERM): the service's
     * drain window, so that in-flight requests on a deregistered target finish well before the stop begins.
     */
    public static final int DEREGISTRATION_DELAY_SECONDS = SERVICE_DRAIN_WINDOW_SECONDS;

    /** Below the service's 75 s: the load balancer closes an idle keep-alive connection first, never the service. */
    public static final int LOAD_BALANCER_IDLE_TIMEOUT_SECONDS = 60;

    /**
     * From InService to serving. The launch hook already held the instance until readiness passed (about 1 s after
     * docker run, docs/performance.md), so what remains is the target group's verdict: the first check comes up to
     * one interval after registration, then HEALTHY_THRESHOLD checks one interval apart: 5 s + 2 x 5 s = 15 s.
     */
    public static final int INSTANCE_WARMUP_SECONDS = HEALTH_CHECK_INTERVAL_SECONDS * (1 + HEALTHY_THRESHOLD);

    /** ELB health is not judged for this long after InService: four times the warm-up, for a slow first check. */
    public static final int HEALTH_CHECK_GRACE_SECONDS = 60;

    /**
     * The launch hook waits this long for boot.sh: installing tools and pulling the image (under two minutes) plus
     * its readiness deadline (300 s), with room to spare. Its default result is ABANDON.
     */
    public static final int LAUNCH_HOOK_HEARTBEAT_SECONDS = 600;

    private Timings() {
    }
}
