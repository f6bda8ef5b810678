package dev.capstan.rollout.verify;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.group.GroupSnapshot;
import java.util.List;

/** Checks after a refresh that every InService instance launched from template version N. */
public final class FleetVerifier {
    private final GroupReader groups;

    public FleetVerifier(GroupReader groups) {
        this.groups = groups;
    }

    public int verify(String groupName, String templateId, long version) {
        GroupSnapshot group = groups.read(groupName);
        List<GroupInstance> inService = group.inService();
        if (inService.isEmpty() && group.desiredCapacity() > 0) {
            throw new RolloutException(ExitCode.DEPLOY_FAILED, "The refresh reported success but group '" + groupName
                    + "' has no InService instance; check its scaling activities.");
        }
        List<String> stale = inService.stream()
                .filter(i -> !templateId.equals(i.templateId())
                        // the default is already N here, so an instance launched as $Default runs N
                        || GroupSnapshot.resolve(i.templateVersion(), version, -1) != version)
                .map(i -> i.id() + " (version " + i.templateVersion() + ")")
                .toList();
        if (!stale.isEmpty()) {
            throw new RolloutException(ExitCode.DEPLOY_FAILED, "The refresh reported success but InService instances "
                    + String.join(", ", stale) + " do not run launch template version " + version
                    + "; inspect them with rollout status before deploying again.");
        }
        return inService.size();
    }
}
