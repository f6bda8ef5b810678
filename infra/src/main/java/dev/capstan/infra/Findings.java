package dev.capstan.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/**
 * Accepted findings of the offline checks, each recorded on the resource it is about with the reason it is
 * accepted: cdk-nag's AwsSolutions rules (as suppressions) and cfn-lint's checks (as the resource's
 * Metadata.cfn-lint.config.ignore_checks). cfn-guard's Control Tower rules honour no resource-level suppression;
 * the rules accepted there, and why, are listed in GuardTest.
 */
public final class Findings {
    private Findings() {
    }

    /** Suppresses a cdk-nag rule on a construct, for every finding of it or only for the listed resources. */
    public static void acceptNag(IConstruct construct, String rule, String reason, String... appliesTo) {
        NagPackSuppression.Builder suppression = NagPackSuppression.builder().id(rule).reason(reason);
        if (appliesTo.length > 0) {
            suppression.appliesTo(Arrays.stream(appliesTo).map(Findings::asNagSeesIt).map(Object.class::cast).toList());
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(suppression.build()), true);
    }

    /**
     * cdk-nag names a wildcard resource as Resource::<the ARN with the partition written as <AWS::Partition>, and an
     * IAM policy variable such as ${aws:userid} as <aws:userid>>.
     */
    private static String asNagSeesIt(String resource) {
        return "Resource::" + resource.replace(Aws.PARTITION, "<AWS::Partition>").replaceAll("\\$\\{([^}]+)}", "<$1>");
    }

    /** Suppresses cfn-lint checks on a resource (Metadata.cfn-lint.config.ignore_checks, which cfn-lint reads). */
    public static void acceptLint(CfnResource resource, String reason, String... checks) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("A suppression needs its reason.");
        }
        resource.addMetadata("cfn-lint", java.util.Map.of("config", java.util.Map.of("ignore_checks", List.of(checks))));
    }
}
