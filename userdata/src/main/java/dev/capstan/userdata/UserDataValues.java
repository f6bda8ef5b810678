package dev.capstan.userdata;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values the boot script needs, one per placeholder of userdata/boot.sh. */
public record UserDataValues(String imageRef, String imageTag, String imageDigest, String asgName,
                             String logDriver, String logGroup) {
    public static final String DEFAULT_LOG_DRIVER = "awslogs";
    public static final String DEFAULT_LOG_GROUP = "/capstan/service";

    /** Placeholder name to value, in the order the template declares them. */
    public Map<String, String> byPlaceholder() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("IMAGE_REF", imageRef);
        values.put("IMAGE_TAG", imageTag);
        values.put("IMAGE_DIGEST", imageDigest);
        values.put("ASG_NAME", asgName);
        values.put("LOG_DRIVER", logDriver);
        values.put("LOG_GROUP", logGroup);
        return values;
    }
}
