package dev.capstan.standin;

/**
 * A snapshot of one group instance. {@code lifecycleState} and {@code healthStatus} use Auto Scaling's spelling
 * ({@code Pending}, {@code Pending:Wait}, {@code Pending:Proceed}, {@code InService}, {@code Standby},
 * {@code Terminating}; {@code Healthy}, {@code Unhealthy}). The launch template version is the number the instance
 * was launched with. {@code targetHealth} is its state in the group's target group as ELB spells it
 * ({@code initial}, {@code healthy}, {@code unhealthy}, {@code draining}), {@code null} when the group has none or the
 * instance is not registered.
 */
public record InstanceView(String instanceId, String availabilityZone, String lifecycleState, String healthStatus,
                           LaunchTemplateRef launchTemplate, boolean protectedFromScaleIn, String instanceType,
                           String targetHealth) {

    public String launchTemplateVersion() {
        return launchTemplate == null ? null : launchTemplate.version();
    }

    public boolean inService() {
        return "InService".equals(lifecycleState);
    }
}
