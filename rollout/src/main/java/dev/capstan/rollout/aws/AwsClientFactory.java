package dev.capstan.rollout.aws;

import dev.capstan.rollout.RolloutException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Builds the SDK clients. Credentials and region come from the SDK's default chains ({@code --region} overrides the
 * region); endpoints only from the SDK's own AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_&lt;SERVICE&gt; settings, so nothing
 * here names a host. Throttling and 5xx are retried by the SDK's retry strategy, never by a loop of ours.
 */
public final class AwsClientFactory {
    private static final int MAX_ATTEMPTS = 8;

    private final RetryStrategy retryStrategy;
    private final List<ExecutionInterceptor> interceptors;

    public AwsClientFactory(RetryStrategy retryStrategy) {
        this(retryStrategy, List.of());
    }

    /** @param interceptors extra SDK interceptors; tests use them to change the world between two calls */
    public AwsClientFactory(RetryStrategy retryStrategy, List<ExecutionInterceptor> interceptors) {
        this.retryStrategy = retryStrategy;
        this.interceptors = List.copyOf(interceptors);
    }

    /** The production strategy: the SDK's standard mode (exponential backoff with jitter, throttling-aware). */
    public static AwsClientFactory standard() {
        return new AwsClientFactory(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .build());
    }

    public AwsClients create(Optional<String> regionOverride) {
        Region region = regionOverride.map(Region::of).orElseGet(AwsClientFactory::defaultRegion);
        ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(retryStrategy)
                .executionInterceptors(interceptors)
                .build();
        return new AwsClients(
                configure(AutoScalingClient.builder(), region, overrides).build(),
                configure(Ec2Client.builder(), region, overrides).build(),
                configure(EcrClient.builder(), region, overrides).build(),
                configure(SsmClient.builder(), region, overrides).build(),
                region.id());
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(
            B builder, Region region, ClientOverrideConfiguration overrides) {
        return builder.region(region).overrideConfiguration(overrides);
    }

    private static Region defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            throw RolloutException.invalid("No AWS region is configured: set AWS_REGION or pass --region.");
        }
    }
}
