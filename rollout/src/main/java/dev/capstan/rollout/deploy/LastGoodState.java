package dev.capstan.rollout.deploy;

import dev.capstan.rollout.template.ImageDescription;
import java.util.Optional;

/**
 * The last-good parameter as the preflight found it: its name, the image it records, the image the group's version
 * carries, and, when the two differ because a deploy crashed between its Successful refresh and the parameter write,
 * the refresh that proves the group's image good (then the deploy repairs the parameter before anything else).
 */
public record LastGoodState(String parameter, ImageDescription recorded, ImageDescription running,
                            Optional<String> repairFromRefresh) {

    public boolean needsRepair() {
        return repairFromRefresh.isPresent();
    }
}
