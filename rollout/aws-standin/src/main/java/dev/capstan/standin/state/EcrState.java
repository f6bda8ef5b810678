package dev.capstan.standin.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** ECR repositories and images of the one simulated registry. */
public final class EcrState {

    public static final String REGISTRY_ID = "123456789012";
    public static final String DEFAULT_REGISTRY_HOST = REGISTRY_ID + ".dkr.ecr.eu-west-1.amazonaws.com";

    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    /**
     * botocore/data/ecr/2015-09-21/service-2.json, shape ImageStatus: ACTIVE, ARCHIVED (in the archival storage
     * class) or ACTIVATING (being restored from it).
     */
    public static final Set<String> STATUSES = Set.of("ACTIVE", "ARCHIVED", "ACTIVATING");

    public static final class Image {
        public final String digest;
        public final List<String> tags = new ArrayList<>();
        public final Instant pushedAt;
        public final long sizeInBytes;
        /** OCI_MANIFEST for a single image, OCI_INDEX for an image index. */
        public final String manifestMediaType;
        /** An index's entries, in order; empty for a single image. */
        public final List<Platform> platforms;
        public String status = "ACTIVE";
        public Instant lastArchivedAt;
        public Instant lastActivatedAt;

        Image(String digest, Instant pushedAt, long sizeInBytes, String manifestMediaType, List<Platform> platforms) {
            this.digest = digest;
            this.pushedAt = pushedAt;
            this.sizeInBytes = sizeInBytes;
            this.manifestMediaType = manifestMediaType;
            this.platforms = List.copyOf(platforms);
        }

        public boolean isIndex() {
            return manifestMediaType.equals(OCI_INDEX);
        }
    }

    /**
     * One entry of an image index: a platform ({@code linux/amd64}, {@code linux/arm64/v8}) and the digest of the
     * single-image manifest for it, which the repository holds untagged, as a multi-architecture push leaves it.
     */
    public record Platform(String os, String architecture, String variant, String digest, long sizeInBytes) {

        static Platform parse(String platform, String digest, long size) {
            String[] parts = platform == null ? new String[0] : platform.split("/");
            if (parts.length < 2 || parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("a platform is os/architecture[/variant], e.g. linux/amd64; got " + platform);
            }
            return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null, digest, size);
        }

        @Override
        public String toString() {
            return os + "/" + architecture + (variant == null ? "" : "/" + variant);
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
        return put(repository, tag, digest, size, OCI_MANIFEST, List.of(), now);
    }

    /**
     * Puts an image index under a tag, with one untagged single-image manifest per platform (digests derived from
     * the index's). Its size is the largest of its manifests', as ImageDetail.imageSizeInBytes documents for
     * manifest lists (botocore/data/ecr/2015-09-21/service-2.json).
     */
    public Image putImageIndex(String repository, String tag, String digest, List<String> platforms, long size,
                               Instant now) {
        if (platforms == null || platforms.isEmpty()) {
            throw new IllegalArgumentException("an image index names at least one platform");
        }
        checkDigest(digest);
        List<Platform> entries = new ArrayList<>();
        for (String platform : platforms) {
            entries.add(Platform.parse(platform, derivedDigest(digest, platform), size));
        }
        for (Platform p : entries) {
            put(repository, null, p.digest(), size, OCI_MANIFEST, List.of(), now);
        }
        return put(repository, tag, digest, size, OCI_INDEX, entries, now);
    }

    private Image put(String repository, String tag, String digest, long size, String mediaType,
                      List<Platform> platforms, Instant now) {
        checkDigest(digest);
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
            image = new Image(digest, now, size, mediaType, platforms);
            repo.images.add(image);
        }
        if (tag != null && !image.tags.contains(tag)) {
            image.tags.add(tag);
        }
        return image;
    }

    /** Moves an image between ACTIVE, ARCHIVED and ACTIVATING, noting when it was archived or restored. */
    public Image setStatus(String repository, String digest, String status, Instant now) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("an image status is one of " + STATUSES + "; got " + status);
        }
        Repository repo = repositories.get(repository);
        Image image = repo == null ? null
                : repo.images.stream().filter(i -> i.digest.equals(digest)).findFirst().orElse(null);
        if (image == null) {
            throw new IllegalArgumentException("no image " + digest + " in repository " + repository);
        }
        if (status.equals("ARCHIVED") && !image.status.equals("ARCHIVED")) {
            image.lastArchivedAt = now;
        }
        if (status.equals("ACTIVE") && image.lastArchivedAt != null && !image.status.equals("ACTIVE")) {
            image.lastActivatedAt = now;
        }
        image.status = status;
        return image;
    }

    private static void checkDigest(String digest) {
        if (digest == null || !digest.matches("sha256:[0-9a-f]{64}")) {
            throw new IllegalArgumentException("digest must be sha256:<64 hex>; got " + digest);
        }
    }

    /** A stable digest for the manifest an index lists for one platform. */
    private static String derivedDigest(String indexDigest, String platform) {
        return Digests.sha256(indexDigest + " " + platform);
    }
}
