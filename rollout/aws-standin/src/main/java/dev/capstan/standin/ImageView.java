package dev.capstan.standin;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one image in an ECR repository. {@code imageStatus} is ACTIVE, ARCHIVED or ACTIVATING;
 * {@code manifestMediaType} is the OCI image manifest type, or the OCI image index type for an image index, whose
 * {@code platforms} name its entries ({@code linux/amd64}, {@code linux/arm64/v8}); empty for a single image.
 */
public record ImageView(String registryId, String repositoryName, String digest, List<String> tags, Instant pushedAt,
                        long sizeInBytes, String imageStatus, String manifestMediaType, List<String> platforms) {

    /** A single ACTIVE image (the view as it was before image status and indexes were modelled). */
    public ImageView(String registryId, String repositoryName, String digest, List<String> tags, Instant pushedAt,
                     long sizeInBytes) {
        this(registryId, repositoryName, digest, tags, pushedAt, sizeInBytes, "ACTIVE",
                "application/vnd.oci.image.manifest.v1+json", List.of());
    }

    public boolean isIndex() {
        return !platforms.isEmpty();
    }
}
