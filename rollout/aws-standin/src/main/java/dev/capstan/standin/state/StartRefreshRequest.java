package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.MixedPolicySpec;
import dev.capstan.standin.RefreshPreferences;

/**
 * StartInstanceRefresh, parsed. {@code desired} is null without a DesiredConfiguration; {@code desiredPolicy} is the
 * rest of a desired MixedInstancesPolicy (its launch template is {@code desired}), null for a plain LaunchTemplate.
 */
public record StartRefreshRequest(String groupName, String strategy, LaunchTemplateRef desired,
                                  MixedPolicySpec desiredPolicy, RefreshPreferences preferences) {

    public boolean desiredMixed() {
        return desiredPolicy != null;
    }
}
