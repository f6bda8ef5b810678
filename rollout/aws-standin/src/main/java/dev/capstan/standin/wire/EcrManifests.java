package dev.capstan.standin.wire;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.capstan.standin.state.EcrState;

import java.util.List;
import java.util.Optional;

/**
 * The manifests BatchGetImage returns, in the media type the caller accepts. The stand-in stores no blobs: a single
 * image's config and layer are invented (well-formed, stable digests); an index lists the images it holds.
 *
 * <p>Negotiation follows "Container image manifest format support in Amazon ECR"
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-manifest-formats.html): the stored format is returned
 * when the caller accepts it; pulled <em>by tag</em>, an OCI image manifest is converted to Docker Image Manifest V2
 * Schema 2 for a caller that accepts only that; pulled by digest nothing is converted; ECR documents no conversion
 * of an image index, nor to Schema 1 from OCI. Without acceptedMediaTypes the stored format is returned.
 */
final class EcrManifests {

    static final String DOCKER_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    /** A manifest and its media type. */
    record Manifest(String mediaType, String json) {
    }

    private EcrManifests() {
    }

    /** The manifest to return, or empty when no format the caller accepts can be given. */
    static Optional<Manifest> negotiate(EcrState.Image image, List<String> accepted, boolean byTag) {
        String stored = image.manifestMediaType;
        if (accepted == null || accepted.contains(stored)) {
            return Optional.of(new Manifest(stored, image.isIndex() ? index(image) : ociManifest(image)));
        }
        if (!image.isIndex() && byTag && accepted.contains(DOCKER_V2)) {
            return Optional.of(new Manifest(DOCKER_V2, dockerManifest(image)));
        }
        return Optional.empty();
    }

    private static String ociManifest(EcrState.Image i) {
        return singleManifest(i, EcrState.OCI_MANIFEST, "application/vnd.oci.image.config.v1+json",
                "application/vnd.oci.image.layer.v1.tar+gzip");
    }

    private static String dockerManifest(EcrState.Image i) {
        return singleManifest(i, DOCKER_V2, "application/vnd.docker.container.image.v1+json",
                "application/vnd.docker.image.rootfs.diff.tar.gzip");
    }

    private static String singleManifest(EcrState.Image i, String mediaType, String configType, String layerType) {
        String hex = i.digest.substring("sha256:".length());
        ObjectNode m = JsonWire.JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", mediaType);
        m.putObject("config").put("mediaType", configType).put("size", 1469)
                .put("digest", "sha256:" + new StringBuilder(hex).reverse());
        m.putArray("layers").addObject().put("mediaType", layerType)
                .put("size", Math.max(1, i.sizeInBytes - 1469)).put("digest", "sha256:" + hex.substring(32) + hex.substring(0, 32));
        return m.toString();
    }

    /** An OCI image index (https://github.com/opencontainers/image-spec/blob/main/image-index.md). */
    private static String index(EcrState.Image i) {
        ObjectNode m = JsonWire.JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", EcrState.OCI_INDEX);
        ArrayNode manifests = m.putArray("manifests");
        for (EcrState.Platform p : i.platforms) {
            ObjectNode entry = manifests.addObject().put("mediaType", EcrState.OCI_MANIFEST).put("digest", p.digest())
                    .put("size", 1083);
            ObjectNode platform = entry.putObject("platform").put("architecture", p.architecture()).put("os", p.os());
            if (p.variant() != null) {
                platform.put("variant", p.variant());
            }
        }
        return m.toString();
    }
}
