package dev.capstan.standin;

/**
 * A snapshot of one group instance. {@code lifecycleState} and {@code healthStatus} use Auto Scaling's spelling
 * ({@code Pending}, {@code Pending:Wait}, {@code InService}, {@code Terminating}; {@code Healthy}, {@code Unhealthy}).
 * The launch template version is the number the instance was launched with.
 */
public record InstanceView(String instanceId, String availabilityZone, String lifecycleState, String healthStatus,
                           LaunchTemplateRef launchTemplate, boolean protectedFromScaleIn, String instanceType) {

    public String launchTemplateVersion() {
        return launchTemplate == null ? null : launchTemplate.version();
    }

    public boolean inService() {
        return "InService".equals(lifecycleState);
    }
}
