package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;

import java.time.Instant;

/** One simulated EC2 instance inside a group. Times are simulated. */
public final class Instance {

    public final String id;
    public final String availabilityZone;
    public final String instanceType;
    public String lifecycleState;
    public String healthStatus = "Healthy";
    public LaunchTemplateRef launchTemplate;
    public boolean protectedFromScaleIn;
    public Instant stateSince;
    public Instant inServiceAt;
    /** When EC2 reports the instance running (the end of its {@code Pending} state). */
    public Instant runningAt;
    /** When the service on it answers its readiness check (boot finished). */
    public Instant readyAt;
    /** When its boot script completes the launch lifecycle action, if nobody holds it. */
    public Instant hookDoneAt;
    /** When it was registered with the group's target group; null when not registered. */
    public Instant registeredAt;
    /** When the target group first finds it healthy; null when never. */
    public Instant targetHealthyAt;
    /** When it leaves the group (set on entering Terminating: deregistration delay, then EC2 termination). */
    public Instant goneAt;
    /** Set on instances that are going to fail their health checks (an injected refresh or rollback failure). */
    public boolean doomed;
    /** Set when a launch lifecycle action ended in ABANDON. */
    public boolean abandoned;
    public String lifecycleActionToken;

    public Instance(String id, String availabilityZone, String instanceType, String lifecycleState,
                    LaunchTemplateRef launchTemplate, Instant since) {
        this.id = id;
        this.availabilityZone = availabilityZone;
        this.instanceType = instanceType;
        this.lifecycleState = lifecycleState;
        this.launchTemplate = launchTemplate;
        this.stateSince = since;
        if (lifecycleState.equals("InService")) {
            inServiceAt = since;
        }
    }

    public void moveTo(String state, Instant at) {
        lifecycleState = state;
        stateSince = at;
        if (state.equals("InService")) {
            inServiceAt = at;
        }
    }

    public boolean live() {
        return !lifecycleState.startsWith("Terminat");
    }

    public boolean inService() {
        return lifecycleState.equals("InService");
    }

    public boolean standby() {
        return lifecycleState.equals("Standby");
    }

    /**
     * Counts toward the group's capacity. Standby instances do not: User Guide, "Temporarily remove instances from
     * your Auto Scaling group" (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-enter-exit-standby.html):
     * entering Standby decrements the desired capacity by default, or else "the Auto Scaling group launches an
     * instance to replace the one on standby".
     */
    public boolean counts() {
        return live() && !standby();
    }

    public boolean healthyInTargetGroup(Instant t) {
        return targetHealthyAt != null && !t.isBefore(targetHealthyAt);
    }

    /** InService, Healthy and, when registered with a target group, healthy in it. */
    public boolean serving(Instant t) {
        return inService() && healthStatus.equals("Healthy") && (registeredAt == null || healthyInTargetGroup(t));
    }

    /** Same template and same version number. */
    public boolean runs(LaunchTemplateRef spec) {
        return launchTemplate != null && spec != null
                && launchTemplate.launchTemplateId().equals(spec.launchTemplateId())
                && launchTemplate.version().equals(spec.version());
    }
}
