package dev.capstan.rollout.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;

/**
 * For a multi-architecture image (an index), checks that it has a manifest for the instances' architecture: docker
 * on an instance pulls the entry for its own platform and fails the boot when there is none. A single-platform
 * manifest names no platform, so it is not checked here.
 */
public final class PlatformCheck {
    // EC2 names architectures its own way (botocore ec2 2016-11-15, ArchitectureValues); OCI uses Go's names.
    private static final Map<String, String> OCI_ARCHITECTURE = Map.of("x86_64", "amd64", "arm64", "arm64", "i386", "386");

    private final EcrClient ecr;
    private final ObjectMapper json = new ObjectMapper();

    public PlatformCheck(EcrClient ecr) {
        this.ecr = ecr;
    }

    /** @param ec2Architecture the AMI's architecture as EC2 reports it, e.g. x86_64 or arm64 */
    public void require(ResolvedImage image, String ec2Architecture) {
        if (!image.isIndex()) {
            return;
        }
        ImageReference ref = image.reference();
        String wanted = OCI_ARCHITECTURE.getOrDefault(ec2Architecture, ec2Architecture);
        Set<String> offered = architectures(ref);
        if (!offered.contains(wanted)) {
            throw RolloutException.invalid("The image " + ref.repository() + ":" + ref.tag() + " is a multi-architecture "
                    + "index for " + String.join(", ", offered) + " but the launch template's AMI is " + ec2Architecture
                    + " (linux/" + wanted + "), so instances could not run it; build the image for linux/" + wanted + ".");
        }
    }

    private Set<String> architectures(ImageReference ref) {
        String manifest = AwsCall.run("ecr:BatchGetImage", () -> ecr.batchGetImage(r -> r.repositoryName(ref.repository())
                .imageIds(ImageIdentifier.builder().imageDigest(ref.digest()).build())
                .acceptedMediaTypes(List.copyOf(ResolvedImage.INDEX_MEDIA_TYPES))).images().stream()
                .findFirst().map(i -> i.imageManifest()).orElse(null));
        if (manifest == null) {
            throw RolloutException.invalid("ECR returned no manifest for " + ref.repository() + "@" + ref.digest()
                    + "; check that the image still exists.");
        }
        try {
            Set<String> out = new LinkedHashSet<>();
            // Entries for other systems, and build attestations (platform unknown/unknown), cannot run here.
            for (JsonNode entry : json.readTree(manifest).path("manifests")) {
                JsonNode platform = entry.path("platform");
                if ("linux".equals(platform.path("os").asText())) {
                    out.add(platform.path("architecture").asText());
                }
            }
            return out;
        } catch (IOException e) {
            throw RolloutException.invalid("The index of " + ref.repository() + "@" + ref.digest()
                    + " is not valid JSON; push the image again.");
        }
    }
}
