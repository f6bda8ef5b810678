package dev.capstan.infra.foundation;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.CfnRepository;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.RepositoryEncryption;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/** The one private ECR repository the image job pushes to and every instance pulls from. */
public final class ImageRepository extends Construct {
    /**
     * Untagged images are leftovers of interrupted pushes (the image job pushes one manifest per git-sha tag); after
     * two weeks nobody can be using one. Tagged images are never selected by any rule: each tag is a release that
     * a rollback may return to, the last-good image among them.
     */
    static final int UNTAGGED_EXPIRY_DAYS = 14;

    private final Repository repository;

    public ImageRepository(Construct scope, String id, String name) {
        super(scope, id);
        repository = Repository.Builder.create(this, "Repository")
                .repositoryName(name)
                // <repo>:<git-sha> names one image forever; the image job relies on it to skip a second push.
                .imageTagMutability(TagMutability.IMMUTABLE)
                // Basic scanning on every push: findings are on the image in the console and in DescribeImageScanFindings.
                .imageScanOnPush(true)
                // AES-256 with ECR's own key: encrypted at rest at no cost; a customer key would add $1 a month and
                // a key policy to keep in step with three roles.
                .encryption(RepositoryEncryption.AES_256)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .rulePriority(1)
                        .description("Expire untagged images " + UNTAGGED_EXPIRY_DAYS + " days after their push; never a tagged one")
                        .tagStatus(TagStatus.UNTAGGED)
                        .maxImageAge(Duration.days(UNTAGGED_EXPIRY_DAYS))
                        .build()))
                // Deleting the stack must never delete the images a running fleet pulls on every launch.
                .removalPolicy(RemovalPolicy.RETAIN)
                .emptyOnDelete(false)
                .build();
        // CDK leaves AES-256 implicit (it is ECR's default); written out, the template says what it is.
        ((CfnRepository) repository.getNode().getDefaultChild()).setEncryptionConfiguration(
                CfnRepository.EncryptionConfigurationProperty.builder().encryptionType("AES256").build());
    }

    public Repository repository() {
        return repository;
    }
}
