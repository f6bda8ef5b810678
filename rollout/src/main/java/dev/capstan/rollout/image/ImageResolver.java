package dev.capstan.rollout.image;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.ImageStatus;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** Resolves {@code repository:tag} to the digest that instances will pull, read-only. */
public final class ImageResolver {
    private final EcrClient ecr;
    private final String region;

    public ImageResolver(EcrClient ecr, String region) {
        this.ecr = ecr;
        this.region = region;
    }

    /**
     * @param registryOverride a registry host to use instead of the one in the repository's URI
     */
    public ResolvedImage resolve(String repository, String tag, Optional<String> registryOverride) {
        ImageReference.requireRepository(repository);
        ImageReference.requireTag(tag);
        String registry = registryOverride.orElseGet(() -> registryHost(repository));
        ImageDetail image = describe(repository, tag);
        requirePullable(repository, tag, image);
        return new ResolvedImage(new ImageReference(registry, repository, tag,
                ImageReference.requireDigest(image.imageDigest())), image.imageManifestMediaType());
    }

    /**
     * The host part of the repository's URI, as ECR reports it. Building it from the account and region would be wrong
     * outside the aws partition: China regions use {@code .amazonaws.com.cn} (botocore ecr 2015-09-21,
     * {@code Repository.repositoryUri}: "You can use this URI for container image push and pull operations").
     */
    private String registryHost(String repository) {
        String uri = AwsCall.run("ecr:DescribeRepositories", () -> {
            try {
                return ecr.describeRepositories(r -> r.repositoryNames(repository)).repositories().stream()
                        .findFirst().map(r -> r.repositoryUri()).orElse(null);
            } catch (RepositoryNotFoundException e) {
                return null;
            }
        });
        if (uri == null) {
            throw missingRepository(repository);
        }
        int slash = uri.indexOf('/');
        return slash > 0 ? uri.substring(0, slash) : uri;
    }

    private ImageDetail describe(String repository, String tag) {
        return AwsCall.run("ecr:DescribeImages", () -> {
            try {
                return ecr.describeImages(r -> r.repositoryName(repository)
                        .imageIds(ImageIdentifier.builder().imageTag(tag).build())).imageDetails().stream().findFirst();
            } catch (RepositoryNotFoundException e) {
                throw missingRepository(repository);
            } catch (ImageNotFoundException e) {
                return Optional.<ImageDetail>empty();
            }
        }).orElseThrow(() -> RolloutException.invalid("The tag '" + tag + "' is not in the ECR repository '"
                + repository + "'; push the image first or check --tag."));
    }

    /**
     * An archived image cannot be pulled until it is restored, which takes hours, so every new instance would fail
     * its boot (botocore ecr 2015-09-21, {@code ImageDetail.imageStatus}: ACTIVE, ARCHIVED, ACTIVATING).
     */
    private static void requirePullable(String repository, String tag, ImageDetail image) {
        if (image.imageStatus() != null && image.imageStatus() != ImageStatus.ACTIVE) {
            throw RolloutException.invalid("The image " + repository + ":" + tag + " is " + image.imageStatusAsString()
                    + " in ECR, so instances cannot pull it; restore it to ACTIVE first (aws ecr update-image-storage-class"
                    + " --target-storage-class STANDARD) or deploy another tag.");
        }
    }

    private RolloutException missingRepository(String repository) {
        return RolloutException.invalid("The ECR repository '" + repository + "' does not exist in " + region
                + "; check --repository and --region.");
    }
}
