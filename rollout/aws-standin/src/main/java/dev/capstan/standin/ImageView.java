package dev.capstan.standin;

import java.time.Instant;
import java.util.List;

/** A snapshot of one image in an ECR repository. */
public record ImageView(String registryId, String repositoryName, String digest, List<String> tags, Instant pushedAt,
                        long sizeInBytes) {
}
