package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EC2 machine images (AMIs) the account can see, each with its architecture: what EC2 DescribeImages answers,
 * and what the rollout compares with an image index's platforms.
 */
public final class Amis {

    /** The image every TemplateSpec uses unless told otherwise. */
    public static final String DEFAULT_IMAGE_ID = "ami-0123456789abcdef0";

    /** botocore/data/ec2/2016-11-15/service-2.json, shape ArchitectureValues. */
    public static final Set<String> ARCHITECTURES = Set.of("i386", "x86_64", "arm64", "x86_64_mac", "arm64_mac");

    /** An AMI id: {@code ami-} and 8 or 17 hex digits, as EC2 issues them. */
    private static final String ID_PATTERN = "ami-([0-9a-f]{8}|[0-9a-f]{17})";

    public record Ami(String imageId, String architecture, Instant creationDate) {

        /** A believable name, as EC2 requires every AMI to have one. */
        public String name() {
            return "capstan-base-" + architecture + "-" + imageId.substring("ami-".length());
        }
    }

    private final Map<String, Ami> byId = new LinkedHashMap<>();

    /** The images of a fresh world: the default template image, x86_64. */
    public static Amis withDefaultImage(Instant now) {
        Amis amis = new Amis();
        amis.register(DEFAULT_IMAGE_ID, "x86_64", now);
        return amis;
    }

    /** Registers an image, or changes the architecture of one already registered. */
    public Ami register(String imageId, String architecture, Instant now) {
        if (imageId == null || !imageId.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("an AMI id is ami- and 8 or 17 hex digits; got " + imageId);
        }
        if (!ARCHITECTURES.contains(architecture)) {
            throw new IllegalArgumentException("architecture must be one of " + ARCHITECTURES + "; got " + architecture);
        }
        Ami ami = new Ami(imageId, architecture, now);
        byId.put(imageId, ami);
        return ami;
    }

    public List<Ami> all() {
        return new ArrayList<>(byId.values());
    }

    /**
     * The images with these ids, in the order asked, with EC2's errors: {@code InvalidAMIID.Malformed} for an id
     * that is not an AMI id, {@code InvalidAMIID.NotFound} for one that does not exist (both listed in
     * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
     */
    public List<Ami> find(List<String> imageIds) {
        List<Ami> found = new ArrayList<>();
        for (String id : imageIds) {
            if (!id.matches(ID_PATTERN)) {
                throw new AwsError("InvalidAMIID.Malformed", 400, "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
            }
        }
        List<String> missing = imageIds.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new AwsError("InvalidAMIID.NotFound", 400, "The image id '[" + String.join(", ", missing)
                    + "]' does not exist");
        }
        for (String id : imageIds) {
            Ami ami = byId.get(id);
            if (!found.contains(ami)) {
                found.add(ami);
            }
        }
        return found;
    }
}
