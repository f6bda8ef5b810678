package dev.capstan.rollout.deploy;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.group.GroupSnapshot;
import dev.capstan.rollout.lastgood.LastGoodParameter;
import dev.capstan.rollout.lastgood.LastGoodValue;
import dev.capstan.rollout.refresh.RefreshFinder;
import dev.capstan.rollout.refresh.RefreshStatus;
import dev.capstan.rollout.refresh.RefreshTarget;
import dev.capstan.rollout.template.ImageDescription;
import dev.capstan.rollout.template.TemplateInfo;
import dev.capstan.rollout.template.TemplateVersion;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.model.InstanceRefresh;

/**
 * Before a deploy, checks that the last-good parameter and the group agree on the image that serves. They differ
 * legitimately in one case only: a deploy's refresh ended Successful and the deploy stopped before writing the
 * parameter. Anything else means someone changed one of them by hand, and a deploy on top would leave the Service
 * stack rendering a different image than the one serving; then nothing is changed and the operator decides.
 */
public final class LastGoodCheck {
    private final LastGoodParameter parameter;
    private final RefreshFinder refreshes;

    public LastGoodCheck(LastGoodParameter parameter, RefreshFinder refreshes) {
        this.parameter = parameter;
        this.refreshes = refreshes;
    }

    public LastGoodState check(String name, GroupSnapshot group, TemplateInfo template, TemplateVersion source) {
        ImageDescription running = source.image().orElseThrow(() -> RolloutException.invalid("The group '"
                + group.name() + "' runs version " + source.number() + " of launch template " + template.name()
                + ", whose description does not name its image ('image <repository>:<tag> <digest>'), so it cannot be "
                + "checked against the last-good parameter " + name + "; put the group on a version that the Service "
                + "stack or rollout created."));
        ImageDescription recorded = parameter.read(name).orElseThrow(() -> RolloutException.invalid("The last-good "
                + "parameter " + name + " does not exist; seed it with the image the group runs: rollout seed-last-good "
                + "--parameter " + name + " --repository " + running.repository() + " --tag " + running.tag() + "."));
        if (recorded.digest().equals(running.digest())) {
            return new LastGoodState(name, recorded, running, Optional.empty());
        }
        Optional<InstanceRefresh> proof = refreshes.history(group.name()).stream()
                .filter(r -> RefreshStatus.SUCCESSFUL.equals(r.statusAsString()))
                .filter(r -> RefreshTarget.targets(r, template.id(), template.name(), source.number()))
                .findFirst();
        if (proof.isEmpty()) {
            throw RolloutException.invalid("The group '" + group.name() + "' runs version " + source.number()
                    + ", which carries " + running.text().substring("image ".length()) + ", but the last-good parameter "
                    + name + " records " + LastGoodValue.format(recorded) + ", and no instance refresh to version "
                    + source.number() + " ended Successful. Nothing was changed. If the group's image is the one that "
                    + "should serve, write it to the parameter (aws ssm put-parameter --name " + name
                    + " --type String --overwrite --value '" + LastGoodValue.format(running) + "'); otherwise return the "
                    + "group to a version carrying the recorded image (cdk deploy of the Service stack renders one).");
        }
        return new LastGoodState(name, recorded, running, Optional.of(proof.get().instanceRefreshId()));
    }
}
