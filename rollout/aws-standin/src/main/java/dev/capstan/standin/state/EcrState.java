package dev.capstan.standin.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ECR repositories and images of the one simulated registry. */
public final class EcrState {

    public static final String REGISTRY_ID = "123456789012";
    public static final String DEFAULT_REGISTRY_HOST = REGISTRY_ID + ".dkr.ecr.eu-west-1.amazonaws.com";

    public static final class Image {
        public final String digest;
        public final List<String> tags = new ArrayList<>();
        public final Instant pushedAt;
        public final long sizeInBytes;

        Image(String digest, Instant pushedAt, long sizeInBytes) {
            this.digest = digest;
            this.pushedAt = pushedAt;
            this.sizeInBytes = sizeInBytes;
        }
    }

    public static final class Repository {
        public final String name;
        public final Instant createdAt;
        public final List<Image> images = new ArrayList<>();

        Repository(String name, Instant createdAt) {
            this.name = name;
            this.createdAt = createdAt;
        }

        public String arn() {
            return "arn:aws:ecr:eu-west-1:" + REGISTRY_ID + ":repository/" + name;
        }
    }

    public final Map<String, Repository> repositories = new LinkedHashMap<>();
    public String registryHost = DEFAULT_REGISTRY_HOST;
    public String proxyEndpoint;
    public String password = "capstan-stand-in-registry-password";

    public String proxyEndpoint() {
        return proxyEndpoint != null ? proxyEndpoint : "https://" + registryHost;
    }

    public Repository createRepository(String name, Instant now) {
        return repositories.computeIfAbsent(name, n -> new Repository(n, now));
    }

    /** Puts an image under a tag; tags are immutable, as in Capstan's repositories, so a tag never moves. */
    public Image putImage(String repository, String tag, String digest, long size, Instant now) {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest must be sha256:<64 hex>; got " + digest);
        }
        Repository existing = repositories.get(repository);
        if (existing != null && tag != null) {
            for (Image other : existing.images) {
                if (!other.digest.equals(digest) && other.tags.contains(tag)) {
                    throw new IllegalArgumentException("tag " + tag + " already points at " + other.digest
                            + " in " + repository + " (tags are immutable)");
                }
            }
        }
        Repository repo = createRepository(repository, now);
        Image image = repo.images.stream().filter(i -> i.digest.equals(digest)).findFirst().orElse(null);
        if (image == null) {
            image = new Image(digest, now, size);
            repo.images.add(image);
        }
        if (tag != null && !image.tags.contains(tag)) {
            image.tags.add(tag);
        }
        return image;
    }

}
