package dev.capstan.rollout.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation the operator policy test relies on. */
class PolicyDocumentTest {
    @TempDir
    Path dir;

    private PolicyDocument policy(String statements) throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"Version\": \"2012-10-17\", \"Statement\": " + statements + "}");
        return PolicyDocument.read(file);
    }

    @Test
    void anAllowOnEveryResourceAllowsWithWildcardsAndInAnyCase() throws Exception {
        PolicyDocument p = policy("[{\"Effect\": \"Allow\", \"Action\": [\"AutoScaling:Describe*\", \"ssm:StartSess?on\"],"
                + " \"Resource\": \"*\"}]");

        assertThat(p.allowsOnAnyResource("autoscaling:DescribeAutoScalingGroups")).isTrue();
        assertThat(p.allowsOnAnyResource("ssm:StartSession")).isTrue();
        assertThat(p.allowsOnAnyResource("autoscaling:StartInstanceRefresh")).isFalse();
        assertThat(p.allowsOnAnyResource("ec2:DescribeAutoScalingGroups")).isFalse();
    }

    @Test
    void aStatementScopedToResourcesDoesNotAllowAnActionWhoseResourceIsEverything() throws Exception {
        PolicyDocument p = policy("{\"Effect\": \"Allow\", \"Action\": \"autoscaling:DescribeAutoScalingGroups\","
                + " \"Resource\": \"arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/capstan-*\"}");

        assertThat(p.allowsOnAnyResource("autoscaling:DescribeAutoScalingGroups")).isFalse();
    }

    @Test
    void anExplicitDenyWinsAndNotActionAllowsTheRest() throws Exception {
        PolicyDocument p = policy("[{\"Effect\": \"Allow\", \"NotAction\": \"iam:*\", \"Resource\": \"*\"},"
                + " {\"Effect\": \"Deny\", \"Action\": \"autoscaling:DescribeAutoScalingGroups\", \"Resource\": \"*\"}]");

        assertThat(p.allowsOnAnyResource("autoscaling:DescribeAutoScalingGroups")).isFalse();
        assertThat(p.allowsOnAnyResource("autoscaling:DescribeInstanceRefreshes")).isTrue();
        assertThat(p.allowsOnAnyResource("iam:PassRole")).isFalse();
    }
}
