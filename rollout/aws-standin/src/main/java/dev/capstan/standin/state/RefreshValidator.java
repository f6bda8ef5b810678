package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.RefreshPreferences;

import java.util.List;
import java.util.Set;

/** StartInstanceRefresh's checks, in the order and with the codes Auto Scaling uses. */
final class RefreshValidator {

    private static final Set<String> PROTECTED_MODES = Set.of("Refresh", "Ignore", "Wait");
    private static final Set<String> STANDBY_MODES = Set.of("Terminate", "Ignore", "Wait");

    private RefreshValidator() {
    }

    static void validate(StartRefreshRequest req, Group group, RollbackRule rollbackRule) {
        if (req.strategy() != null && !req.strategy().equals("Rolling")) {
            if (req.strategy().equals("ReplaceRootVolume")) {
                throw AwsError.validation("The ReplaceRootVolume strategy is not supported by this Auto Scaling group.");
            }
            throw AwsError.validation("1 validation error detected: Value '" + req.strategy()
                    + "' at 'strategy' failed to satisfy constraint: Member must satisfy enum value set: [Rolling, ReplaceRootVolume]");
        }
        RefreshPreferences p = req.preferences();
        range("minHealthyPercentage", p.minHealthyPercentage(), 0, 100);
        range("maxHealthyPercentage", p.maxHealthyPercentage(), 100, 200);
        range("instanceWarmup", p.instanceWarmup(), 0, Integer.MAX_VALUE);
        range("checkpointDelay", p.checkpointDelay(), 0, 172800);
        range("bakeTime", p.bakeTime(), 0, 172800);
        if (p.maxHealthyPercentage() != null && p.minHealthyPercentage() == null) {
            throw AwsError.validation("You must specify MinHealthyPercentage when you specify MaxHealthyPercentage.");
        }
        if (p.maxHealthyPercentage() != null) {
            if (p.maxHealthyPercentage() < p.minHealthyPercentage()) {
                throw AwsError.validation("MaxHealthyPercentage must be greater than or equal to MinHealthyPercentage.");
            }
            if (p.maxHealthyPercentage() - p.minHealthyPercentage() > 100) {
                throw AwsError.validation(
                        "The difference between MaxHealthyPercentage and MinHealthyPercentage cannot be greater than 100.");
            }
        }
        checkpoints(p);
        if (p.scaleInProtectedInstances() != null && !PROTECTED_MODES.contains(p.scaleInProtectedInstances())) {
            throw AwsError.validation("1 validation error detected: Value '" + p.scaleInProtectedInstances()
                    + "' at 'preferences.scaleInProtectedInstances' failed to satisfy constraint: Member must satisfy enum value set: [Refresh, Ignore, Wait]");
        }
        if (p.standbyInstances() != null && !STANDBY_MODES.contains(p.standbyInstances())) {
            throw AwsError.validation("1 validation error detected: Value '" + p.standbyInstances()
                    + "' at 'preferences.standbyInstances' failed to satisfy constraint: Member must satisfy enum value set: [Terminate, Ignore, Wait]");
        }
        if (Boolean.TRUE.equals(p.autoRollback())) {
            rollbackRule.whyNot(group, req.desired()).ifPresent(reason -> {
                throw AwsError.validation(reason);
            });
        }
    }

    private static void checkpoints(RefreshPreferences p) {
        List<Integer> cps = p.checkpointPercentages();
        if (p.checkpointDelay() != null && (cps == null || cps.isEmpty())) {
            throw AwsError.validation("You must specify CheckpointPercentages when you specify CheckpointDelay.");
        }
        if (cps == null) {
            return;
        }
        int previous = 0;
        for (Integer cp : cps) {
            if (cp == null || cp < 1 || cp > 100) {
                throw AwsError.validation("Checkpoint percentages must be between 1 and 100; got " + cp + ".");
            }
            if (cp <= previous) {
                throw AwsError.validation("Checkpoint percentages must be unique and in ascending order; got " + cps + ".");
            }
            previous = cp;
        }
    }

    private static void range(String name, Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw AwsError.validation("1 validation error detected: Value '" + value + "' at 'preferences." + name
                    + "' failed to satisfy constraint: Member must have value " + (max == Integer.MAX_VALUE
                    ? "greater than or equal to " + min : "between " + min + " and " + max));
        }
    }
}
