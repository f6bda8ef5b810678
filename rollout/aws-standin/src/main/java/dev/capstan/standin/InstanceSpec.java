package dev.capstan.standin;

/**
 * An explicitly seeded instance. {@code launchTemplateVersion} {@code null} means the group's resolved version;
 * {@code lifecycleState} is InService, Pending:Wait (a launch waiting for CompleteLifecycleAction, as the boot
 * rehearsal needs) or Standby (an instance taken out of service with EnterStandby).
 */
public record InstanceSpec(String instanceId, String availabilityZone, String lifecycleState,
                           String launchTemplateVersion, boolean protectedFromScaleIn) {

    public static InstanceSpec inService(String instanceId, String availabilityZone) {
        return new InstanceSpec(instanceId, availabilityZone, "InService", null, false);
    }

    public static InstanceSpec waitingForLaunchHook(String instanceId, String availabilityZone) {
        return new InstanceSpec(instanceId, availabilityZone, "Pending:Wait", null, false);
    }

    /** An instance in Standby: managed by the group but not serving, and not counted in its desired capacity. */
    public static InstanceSpec inStandby(String instanceId, String availabilityZone) {
        return new InstanceSpec(instanceId, availabilityZone, "Standby", null, false);
    }

    public InstanceSpec onVersion(String version) {
        return new InstanceSpec(instanceId, availabilityZone, lifecycleState, version, protectedFromScaleIn);
    }

    public InstanceSpec withScaleInProtection() {
        return new InstanceSpec(instanceId, availabilityZone, lifecycleState, launchTemplateVersion, true);
    }

    boolean standby() {
        return "Standby".equals(lifecycleState);
    }
}
