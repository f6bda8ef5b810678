package dev.capstan.standin;

import java.util.List;

/** The preferences of an instance refresh as given to StartInstanceRefresh; {@code null} means not given. */
public record RefreshPreferences(Integer minHealthyPercentage, Integer maxHealthyPercentage, Integer instanceWarmup,
                                 List<Integer> checkpointPercentages, Integer checkpointDelay, Boolean skipMatching,
                                 Boolean autoRollback, List<String> alarms, String scaleInProtectedInstances,
                                 String standbyInstances, Integer bakeTime) {
}
