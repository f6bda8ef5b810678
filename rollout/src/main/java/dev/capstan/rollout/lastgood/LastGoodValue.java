package dev.capstan.rollout.lastgood;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.template.ImageDescription;
import java.util.regex.Pattern;

/**
 * The last-good parameter's value, {@code <repository>:<tag>@<digest>}: the image of the last deploy that ended
 * Successful. The Service stack splits it with Fn::Split on {@code @} and {@code :} (neither can occur in an ECR
 * repository name or an image tag), so this format is a contract with {@code infra/}.
 */
public final class LastGoodValue {
    private static final Pattern FORMAT = Pattern.compile("([^:@\\s]+):([^:@\\s]+)@(sha256:[0-9a-f]{64})");

    private LastGoodValue() {
    }

    public static String format(ImageDescription image) {
        return image.repository() + ":" + image.tag() + "@" + image.digest();
    }

    public static ImageDescription parse(String parameter, String value) {
        var m = value == null ? null : FORMAT.matcher(value.strip());
        if (m == null || !m.matches()) {
            throw RolloutException.invalid("The parameter " + parameter + " holds '" + value + "', not "
                    + "<repository>:<tag>@sha256:<digest>; write the image of the release the group runs into it "
                    + "(rollout seed-last-good, or aws ssm put-parameter --overwrite).");
        }
        return new ImageDescription(m.group(1), m.group(2), m.group(3));
    }
}
