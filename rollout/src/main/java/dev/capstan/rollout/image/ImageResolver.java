package dev.capstan.rollout.image;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import java.util.Optional;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** Resolves {@code repository:tag} to the digest that instances will pull, read-only. */
public final class ImageResolver {
    private final EcrClient ecr;
    private final String region;

    public ImageResolver(EcrClient ecr, String region) {
        this.ecr = ecr;
        this.region = region;
    }

    /** @param registryOverride a registry host to use instead of {@code <account>.dkr.ecr.<region>.amazonaws.com} */
    public ImageReference resolve(String repository, String tag, Optional<String> registryOverride) {
        ImageReference.requireRepository(repository);
        ImageReference.requireTag(tag);
        DescribeImagesResponse response = AwsCall.run("ecr:DescribeImages", () -> {
            try {
                return ecr.describeImages(r -> r.repositoryName(repository)
                        .imageIds(ImageIdentifier.builder().imageTag(tag).build()));
            } catch (RepositoryNotFoundException e) {
                throw RolloutException.invalid("The ECR repository '" + repository + "' does not exist in " + region
                        + "; check --repository and --region.");
            } catch (ImageNotFoundException e) {
                throw RolloutException.invalid("The tag '" + tag + "' is not in the ECR repository '" + repository
                        + "'; push the image first or check --tag.");
            }
        });
        ImageDetail image = response.imageDetails().stream().findFirst().orElseThrow(() -> RolloutException.invalid(
                "The tag '" + tag + "' is not in the ECR repository '" + repository + "'; push the image first or check --tag."));
        String registry = registryOverride.orElseGet(() -> image.registryId() + ".dkr.ecr." + region + ".amazonaws.com");
        return new ImageReference(registry, repository, tag, ImageReference.requireDigest(image.imageDigest()));
    }
}
