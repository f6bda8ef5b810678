package dev.capstan.rollout.refresh;

import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.DesiredConfiguration;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/** The launch template version a refresh moves the group to, wherever its desired configuration names it. */
public final class RefreshTarget {
    private RefreshTarget() {
    }

    /** The specification in DesiredConfiguration: a bare launch template, or the one inside a mixed instances policy. */
    public static Optional<LaunchTemplateSpecification> of(InstanceRefresh refresh) {
        DesiredConfiguration desired = refresh.desiredConfiguration();
        if (desired == null) {
            return Optional.empty();
        }
        if (desired.launchTemplate() != null) {
            return Optional.of(desired.launchTemplate());
        }
        if (desired.mixedInstancesPolicy() != null && desired.mixedInstancesPolicy().launchTemplate() != null) {
            return Optional.ofNullable(desired.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification());
        }
        return Optional.empty();
    }

    /** Whether the refresh moves the group to exactly this template (by id or name) at this version number. */
    public static boolean targets(InstanceRefresh refresh, String templateId, String templateName, long version) {
        return of(refresh).filter(spec -> templateId.equals(spec.launchTemplateId())
                        || (spec.launchTemplateId() == null && templateName.equals(spec.launchTemplateName())))
                .filter(spec -> Long.toString(version).equals(spec.version()))
                .isPresent();
    }
}
