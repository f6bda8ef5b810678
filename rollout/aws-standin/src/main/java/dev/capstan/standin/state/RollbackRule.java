package dev.capstan.standin.state;

import dev.capstan.standin.LaunchTemplateRef;

import java.util.Optional;

/**
 * When Auto Scaling cannot roll a refresh back. botocore/data/autoscaling/2011-01-01/service-2.json, shape {@code
 * RefreshPreferences} member {@code AutoRollback}, and operation {@code RollbackInstanceRefresh}: "A rollback is not supported in the
 * following situations: There is no desired configuration specified for the instance refresh. The Auto Scaling group
 * has a launch template that uses an Amazon Web Services Systems Manager parameter instead of an AMI ID for the
 * ImageId property. The Auto Scaling group uses the launch template's $Latest or $Default version." What is checked
 * is the group's own launch template version, the one a rollback returns to; the desired version's image is not.
 * StartInstanceRefresh refuses AutoRollback in these cases with ValidationError; RollbackInstanceRefresh answers
 * {@code IrreversibleInstanceRefresh} (shape {@code IrreversibleInstanceRefreshFault}: "a desired configuration was
 * not found or an incompatible launch template (uses a Systems Manager parameter instead of an AMI ID) or launch
 * template version ($Latest or $Default) is present on the Auto Scaling group").
 */
final class RollbackRule {

    /** How a launch template names an AMI through Systems Manager: {@code resolve:ssm:<parameter>}. */
    static final String SSM_IMAGE_PREFIX = "resolve:ssm:";

    private final LaunchTemplates templates;

    RollbackRule(LaunchTemplates templates) {
        this.templates = templates;
    }

    /** Why a refresh of this group with this desired configuration could not be rolled back; empty when it can. */
    Optional<String> whyNot(Group g, LaunchTemplateRef desired) {
        if (desired == null) {
            // The message AWS gives at StartInstanceRefresh (github.com/hashicorp/terraform-provider-aws/issues/29830).
            return Optional.of("The request isn't valid. The AutoRollback parameter cannot be set to true when the "
                    + "DesiredConfiguration parameter is empty. Set AutoRollback to false or specify a desired "
                    + "configuration and try again.");
        }
        if (!Simulation.isNumber(desired.version() == null ? "$Default" : desired.version())) {
            return Optional.of("You can't enable AutoRollback when the desired configuration uses the "
                    + "$Latest or $Default version of a launch template. Specify a version number instead.");
        }
        if (g.launchTemplate == null || !Simulation.isNumber(g.launchTemplate.version())) {
            return Optional.of("You can't enable AutoRollback because the Auto Scaling group uses the "
                    + "$Latest or $Default version of its launch template.");
        }
        String imageId = imageId(g.launchTemplate);
        if (imageId != null && imageId.startsWith(SSM_IMAGE_PREFIX)) {
            return Optional.of("You can't enable AutoRollback because the Auto Scaling group's launch template "
                    + g.launchTemplate.launchTemplateName() + " version " + g.launchTemplate.version()
                    + " uses a Systems Manager parameter (" + imageId + ") instead of an AMI ID for its ImageId.");
        }
        return Optional.empty();
    }

    private String imageId(LaunchTemplateRef spec) {
        return (spec.launchTemplateId() != null ? templates.byId(spec.launchTemplateId())
                : templates.byName(spec.launchTemplateName()))
                .flatMap(t -> t.resolve(spec.version()))
                .map(v -> v.data.get("ImageId"))
                .map(Object::toString)
                .orElse(null);
    }
}
