package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupInstance;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.refresh.RefreshSettings;
import dev.capstan.rollout.template.TemplateVersion;
import java.util.List;

/**
 * The preflight's rules about the group and the version it runs: each one is a way a deploy would fail or do harm on
 * AWS after it had changed something, so each is checked before any change. Sources are quoted from the botocore
 * models (autoscaling 2011-01-01) and listed in docs/rollout.md.
 */
final class GroupRules {
    private GroupRules() {
    }

    /**
     * A group on {@code $Latest} launches every new version the moment it exists ("If the value is $Latest, Amazon EC2
     * Auto Scaling selects the latest version of the launch template when launching instances",
     * {@code LaunchTemplateSpecification.Version}): a scale-out or a replaced instance would boot the new image before
     * any refresh or check, and no refresh of it can be rolled back. No flag makes that safe.
     */
    static void requireNotLatest(GroupSnapshot group) {
        if ("$Latest".equals(group.templateVersion())) {
            throw RolloutException.invalid("The group '" + group.name() + "' launches the template's $Latest version, "
                    + "so it would launch the new version the moment this deploy created it, before any check or refresh; "
                    + "pin the group to a numbered version (the Service stack does) and deploy again.");
        }
    }

    /**
     * AWS rolls back to the group's own configuration, and refuses to when that is {@code $Default}/{@code $Latest} or
     * when its launch template takes the AMI from an SSM parameter ({@code RefreshPreferences.AutoRollback}: "A
     * rollback is not supported in the following situations: ... The Auto Scaling group has a launch template that
     * uses an Amazon Web Services Systems Manager parameter instead of an AMI ID for the ImageId property. The Auto
     * Scaling group uses the launch template's $Latest or $Default version"). StartInstanceRefresh would fail after
     * the new version exists, and {@code --on-timeout rollback} would have nothing to fall back on.
     */
    static void requireRollbackPossible(GroupSnapshot group, TemplateVersion source, DeployRequest request) {
        String why;
        if (!group.onNumberedVersion()) {
            why = "launches the template's " + group.versionAsNamed() + " version";
        } else if (source.imageParameter().isPresent()) {
            why = "runs version " + source.number() + ", whose ImageId is the SSM parameter "
                    + source.imageParameter().get();
        } else {
            return;
        }
        String fix = group.onNumberedVersion()
                ? "give version " + source.number() + " a concrete AMI id (the Service stack resolves it at deploy time)"
                : "pin the group to a numbered version";
        if (request.settings().autoRollback()) {
            throw RolloutException.invalid("The group '" + group.name() + "' " + why + ", and AWS cannot roll such a "
                    + "group back; " + fix + ", or pass --no-auto-rollback.");
        }
        if (request.onTimeout() == OnTimeout.rollback) {
            throw RolloutException.invalid("The group '" + group.name() + "' " + why + ", and AWS cannot roll such a "
                    + "group back; " + fix + ", or pass --on-timeout cancel.");
        }
    }

    /**
     * IMDSv2 with a hop limit of 1 keeps instance metadata, and so the instance role's credentials, away from
     * containers: a container on a bridge network is one hop further than the host. The new version inherits the
     * source's metadata options, so the source must already have them.
     */
    static void requireMetadataLockedToHost(String templateName, TemplateVersion source) {
        if (!source.metadataLockedToHost()) {
            throw RolloutException.invalid("Version " + source.number() + " of launch template " + templateName
                    + " has metadata options HttpTokens=" + source.httpTokens() + ", HttpPutResponseHopLimit="
                    + source.hopLimit() + "; every version this deploy creates must require IMDSv2 with hop limit 1 "
                    + "so that containers cannot reach instance metadata. Set HttpTokens=required and "
                    + "HttpPutResponseHopLimit=1 on the template (the Service stack does) and deploy again.");
        }
    }

    /**
     * Protected and Standby instances make a refresh wait an hour and then fail, under AWS's default Wait
     * ({@code RefreshPreferences.ScaleInProtectedInstances}: "Wait (default) Amazon EC2 Auto Scaling waits one hour
     * for you to remove scale-in protection. Otherwise, the instance refresh will fail."; {@code StandbyInstances}
     * likewise). A deploy that would stall like that is refused before it starts.
     */
    static void requireNothingStalls(GroupSnapshot group, RefreshSettings settings) {
        List<String> protectedIds = group.instances().stream()
                .filter(i -> i.protectedFromScaleIn() && (i.inService() || i.inStandby()))
                .map(GroupInstance::id).toList();
        List<String> standbyIds = group.instances().stream().filter(GroupInstance::inStandby).map(GroupInstance::id).toList();
        if (!protectedIds.isEmpty() && RefreshSettings.WAIT.equals(settings.protectedMode())) {
            throw RolloutException.invalid("The group '" + group.name() + "' has instances protected from scale in ("
                    + String.join(", ", protectedIds) + "); AWS would wait an hour for their protection to be removed "
                    + "and then fail the refresh. Remove the protection, or pass --scale-in-protected-instances Refresh "
                    + "(replace them) or Ignore (leave them on the old version).");
        }
        if (!standbyIds.isEmpty() && RefreshSettings.WAIT.equals(settings.standbyMode())) {
            throw RolloutException.invalid("The group '" + group.name() + "' has instances in Standby ("
                    + String.join(", ", standbyIds) + "); AWS would wait an hour for them to return to service and then "
                    + "fail the refresh. Return them to service, or pass --standby-instances Terminate or Ignore (leave "
                    + "them on the old version).");
        }
    }
}
