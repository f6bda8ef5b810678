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

    /** Same template and same version number. */
    public boolean runs(LaunchTemplateRef spec) {
        return launchTemplate != null && spec != null
                && launchTemplate.launchTemplateId().equals(spec.launchTemplateId())
                && launchTemplate.version().equals(spec.version());
    }
}
