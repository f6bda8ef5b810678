package dev.capstan.rollout.image;

import java.util.Set;

/** An image resolved in ECR: the reference instances pull, and the media type of its manifest. */
public record ResolvedImage(ImageReference reference, String manifestMediaType) {
    /** An index (OCI) or manifest list (Docker) names one manifest per platform instead of layers. */
    static final Set<String> INDEX_MEDIA_TYPES = Set.of(
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    public boolean isIndex() {
        return manifestMediaType != null && INDEX_MEDIA_TYPES.contains(manifestMediaType);
    }
}
