package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;
import dev.capstan.standin.RefreshPreferences;

/** StartInstanceRefresh, parsed. {@code desired} is null without a DesiredConfiguration. */
public record StartRefreshRequest(String groupName, String strategy, LaunchTemplateRef desired, boolean desiredMixed,
                                  RefreshPreferences preferences) {
}
