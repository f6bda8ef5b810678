package dev.capstan.standin;

import java.time.Instant;
import java.util.List;

/** A snapshot of one ECR repository; {@code uri} is {@code <registry host>/<name>}. */
public record RepositoryView(String registryId, String name, String arn, String uri, Instant createdAt,
                             List<ImageView> images) {
}
