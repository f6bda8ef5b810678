package dev.capstan.infra;

import dev.capstan.infra.foundation.CiIdentity;
import dev.capstan.infra.foundation.ImageRepository;
import dev.capstan.infra.identity.Arns;
import dev.capstan.infra.identity.Policies;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Once per account: the image repository, GitHub's OIDC provider (optional) and the three CI roles. */
public final class FoundationStack extends Stack {
    public FoundationStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        Names names = new Names(settings.environment(), settings.repository());
        Arns arns = Arns.of(this);
        ImageRepository images = new ImageRepository(this, "Images", settings.repository());
        CiIdentity ci = new CiIdentity(this, "Ci", arns, new Policies(arns, names),
                new CiIdentity.Trust(settings.githubRepository(), settings.githubBranch(), settings.environment()),
                settings.createGithubOidcProvider());

        // The repository variables the workflow needs (docs/deploy.md, step 6).
        CfnOutput.Builder.create(this, "EcrRepository").value(images.repository().getRepositoryName())
                .description("GitHub variable ECR_REPOSITORY").build();
        CfnOutput.Builder.create(this, "ImagePushRoleArn").value(ci.imagePushRole().getRoleArn())
                .description("GitHub variable IMAGE_PUSH_ROLE_ARN").build();
        CfnOutput.Builder.create(this, "DeployRoleArn").value(ci.deployRole().getRoleArn())
                .description("GitHub variable DEPLOY_ROLE_ARN").build();
        CfnOutput.Builder.create(this, "InfrastructureRoleArn").value(ci.infrastructureRole().getRoleArn())
                .description("GitHub variable INFRASTRUCTURE_ROLE_ARN").build();
    }
}
