package dev.capstan.infra;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Once per account: the image repository, GitHub's OIDC provider (optional) and the two CI roles. */
public final class FoundationStack extends Stack {
    public FoundationStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
    }
}
