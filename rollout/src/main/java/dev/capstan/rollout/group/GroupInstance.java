package dev.capstan.rollout.group;

/** One instance of a group as Auto Scaling reports it; {@code templateVersion} is null for other launch sources. */
public record GroupInstance(String id, String lifecycleState, String health, String availabilityZone,
                            String templateId, String templateVersion) {
    public boolean inService() {
        return "InService".equals(lifecycleState);
    }
}
