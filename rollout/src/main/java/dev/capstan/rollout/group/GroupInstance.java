package dev.capstan.rollout.group;

/** One instance of a group as Auto Scaling reports it; {@code templateVersion} is null for other launch sources. */
public record GroupInstance(String id, String lifecycleState, String health, String availabilityZone,
                            String templateId, String templateVersion, boolean protectedFromScaleIn) {
    public boolean inService() {
        return "InService".equals(lifecycleState);
    }

    public boolean inStandby() {
        return "Standby".equals(lifecycleState);
    }
}
