package dev.capstan.rollout.template;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The version description {@code image <repository>:<tag> <digest>}: it makes every version say which image it
 * carries, which is what status, nothing-to-do detection and rollback read back.
 */
public record ImageDescription(String repository, String tag, String digest) {
    private static final Pattern FORMAT = Pattern.compile("image (\\S+):(\\S+) (sha256:[0-9a-f]{64})");

    /** CreateLaunchTemplateVersion's VersionDescription is at most 255 characters (botocore ec2 2016-11-15, VersionDescription). */
    public static final int MAX_LENGTH = 255;

    public String text() {
        return "image " + repository + ":" + tag + " " + digest;
    }

    /** {@code <repository>:<tag> <digest>}, how the CLI names an image in its output. */
    public String image() {
        return repository + ":" + tag + " " + digest;
    }

    public static Optional<ImageDescription> parse(String description) {
        if (description == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(description.strip());
        return m.matches() ? Optional.of(new ImageDescription(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }
}
