package dev.capstan.rollout.image;

import dev.capstan.rollout.RolloutException;
import java.util.regex.Pattern;

/** An image pinned by digest: {@code <registry>/<repository>@sha256:<hex>}, plus the tag it was resolved from. */
public record ImageReference(String registry, String repository, String tag, String digest) {
    private static final Pattern REPOSITORY =
            Pattern.compile("(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern REF = Pattern.compile("([^/@]+)/(.+)@(sha256:[0-9a-f]{64})");

    public String ref() {
        return registry + "/" + repository + "@" + digest;
    }

    public static String requireRepository(String repository) {
        if (repository == null || repository.length() < 2 || repository.length() > 256
                || !REPOSITORY.matcher(repository).matches()) {
            throw RolloutException.invalid("The repository name '" + repository + "' is not a valid ECR repository "
                    + "name; pass lower-case letters, digits and . _ - / as in capstan or team/capstan.");
        }
        return repository;
    }

    public static String requireTag(String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw RolloutException.invalid("The image tag '" + tag + "' is not a valid tag; pass up to 128 letters, "
                    + "digits, _ . - (CI uses the git commit sha).");
        }
        return tag;
    }

    public static String requireDigest(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw RolloutException.invalid("The digest '" + digest + "' is not sha256:<64 hex digits>.");
        }
        return digest;
    }

    /** Parses {@code registry/repository@sha256:...}; the tag is given separately because a digest ref has none. */
    public static ImageReference parse(String ref, String tag) {
        var m = ref == null ? null : REF.matcher(ref);
        if (m == null || !m.matches()) {
            throw RolloutException.invalid("The image reference '" + ref + "' is not <registry>/<repository>@sha256:<digest>; "
                    + "pass the image pinned by digest.");
        }
        return new ImageReference(m.group(1), requireRepository(m.group(2)), requireTag(tag), m.group(3));
    }
}
