package dev.capstan.infra.service;

import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The environment's last-good image, read at deploy time from its SSM parameter (which no stack owns: the rollout
 * writes it, only after a successful deploy). Its value is {@code <repository>:<tag>@<digest>}; the parts below are
 * CloudFormation expressions over it, resolved when the stack is deployed.
 */
public final class LastGoodImage extends Construct {
    /** ECR's limits (botocore ecr ImageTag max 300, RepositoryName max 256); the digest is sha256:<64 hex>. */
    static final int MAX_TAG_BYTES = 300;
    static final int MAX_REPOSITORY_BYTES = 256;
    static final int DIGEST_BYTES = "sha256:".length() + 64;
    /** The longest DNS suffix of an AWS partition's endpoints (amazonaws.com.cn). */
    static final int MAX_URL_SUFFIX_BYTES = "amazonaws.com.cn".length();

    private final String repositoryAndTag;
    private final String repository;
    private final String tag;
    private final String digest;
    private final String registry;
    /** The registry host up to the partition's URL suffix, whose longest form bounds the image reference. */
    private final String registryBeforeSuffix;

    public LastGoodImage(Construct scope, String id, String parameterName) {
        super(scope, id);
        CfnParameter parameter = CfnParameter.Builder.create(this, "Parameter")
                // The value, not the name: CloudFormation reads the parameter when the stack is deployed.
                .type("AWS::SSM::Parameter::Value<String>")
                .defaultValue(parameterName)
                .description("SSM parameter holding the last-good image, <repository>:<tag>@<digest>, written by the rollout")
                .build();
        parameter.overrideLogicalId("LastGoodImageParameter");
        List<String> byAt = Fn.split("@", parameter.getValueAsString());
        repositoryAndTag = Fn.select(0, byAt);
        digest = Fn.select(1, byAt);
        List<String> byColon = Fn.split(":", repositoryAndTag);
        repository = Fn.select(0, byColon);
        tag = Fn.select(1, byColon);
        Stack stack = Stack.of(this);
        registryBeforeSuffix = stack.getAccount() + ".dkr.ecr." + stack.getRegion() + ".";
        registry = registryBeforeSuffix + Aws.URL_SUFFIX;
    }

    /** {@code <registry>/<repository>@<digest>}: what boot.sh pulls. */
    public String imageRef() {
        return Fn.join("", List.of(registry, "/", repository, "@", digest));
    }

    public int maxImageRefBytes() {
        int registryBytes = registryBeforeSuffix.length() + MAX_URL_SUFFIX_BYTES;
        return registryBytes + 1 + MAX_REPOSITORY_BYTES + 1 + DIGEST_BYTES;
    }

    /** {@code image <repository>:<tag> <digest>}: the launch template version's description, as the CLI writes it. */
    public String versionDescription() {
        return Fn.join("", List.of("image ", repositoryAndTag, " ", digest));
    }

    public String tag() {
        return tag;
    }

    public String digest() {
        return digest;
    }
}
