package dev.capstan.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * cfn-guard with AWS's published rule set that ships in the npm package @cdklabs/cdk-validator-cfnguard: the AWS
 * Control Tower proactive controls (CT.*.PR.*). Those rules read no resource-level suppression, so the rules this
 * project accepts are listed here with why; any other failure fails the build, and so does an accepted rule that
 * no longer fails (its exception must go).
 */
class GuardTest {
    static final Map<String, String> ACCEPTED = new TreeMap<>(Map.of(
            "autoscaling_mixed_instances_policy_multiple_instance_types_check",
            "CT.AUTOSCALING.PR.6: one instance type, sized by measurement; a mixed instances policy would change the "
                    + "shape of the group the rollout refreshes (its desired configuration names a launch template only)",
            "cloudwatch_alarm_action_check",
            "CT.CLOUDWATCH.PR.1: the alarms are read by the instance refresh (--alarms), which rolls a bad release "
                    + "back; paging is the operator's to add, with the topic of their on-call tool",
            "cloudwatch_log_group_encrypted_check",
            "CT.CLOUDWATCH.PR.3: CloudWatch Logs encrypts every log group at rest with its own keys; a customer key "
                    + "adds $1 a month and a key policy, for request logs that hold no secrets",
            "ec2_launch_template_monitoring_enabled_check",
            "CT.EC2.PR.10: one-minute EC2 metrics cost about $2 per instance a month and nothing reads them: the "
                    + "alarms and the dashboard use the load balancer's and the group's metrics",
            "elbv2_logging_enabled_check",
            "CT.ELASTICLOADBALANCING.PR.6: the service logs every request itself (JSON access log to CloudWatch "
                    + "Logs); load balancer access logs would be a second copy in an S3 bucket of their own"));

    private static final Pattern FAILED_RULE = Pattern.compile("(?m)^ct-[a-z0-9-]+\\.guard/([a-z0-9_]+)\\s+FAIL\\s*$");

    @Test
    void everySynthesizedTemplatePassesTheControlTowerRulesButTheAcceptedOnes() throws Exception {
        Path guard = Tools.require("CFN_GUARD", "cfn-guard", "npm install @cdklabs/cdk-validator-cfnguard, bin/ubuntu/x86_64/cfn-guard");
        Path rules = Tools.requireDirectory("CFN_GUARD_RULES", "the package's rules/control-tower/cfn-guard directory");
        List<Path> ruleFiles;
        try (var walk = Files.walk(rules)) {
            ruleFiles = walk.filter(f -> f.toString().endsWith(".guard")).sorted().toList();
        }
        TreeSet<String> failedAnywhere = new TreeSet<>();

        for (Path template : uniqueTemplates()) {
            List<String> command = new ArrayList<>(List.of(guard.toString(), "validate"));
            for (Path rule : rulesFor(template, ruleFiles)) {
                command.addAll(List.of("--rules", rule.toString()));
            }
            command.addAll(List.of("--data", template.toString(), "--show-summary", "fail",
                    "--output-format", "single-line-summary"));
            Tools.Result result = Tools.run(command);
            TreeSet<String> failed = new TreeSet<>();
            Matcher m = FAILED_RULE.matcher(result.output());
            while (m.find()) {
                failed.add(m.group(1));
            }
            assertThat(result.exitCode() == 0 || !failed.isEmpty()).as(template + ": cfn-guard ran: " + result.output())
                    .isTrue();
            assertThat(failed).as(template + " fails rules nobody accepted").isSubsetOf(ACCEPTED.keySet());
            failedAnywhere.addAll(failed);
        }
        assertThat(failedAnywhere).as("accepted rules that no longer fail: remove their exception")
                .containsExactlyInAnyOrderElementsOf(ACCEPTED.keySet());
    }

    /**
     * The rule files that name a resource type the template has. Every Control Tower rule selects the resources of
     * its types and is skipped when there are none, so the others cannot fail; leaving them out takes cfn-guard
     * from about 15 s a template to 3.
     */
    private static List<Path> rulesFor(Path template, List<Path> ruleFiles) throws IOException {
        Set<String> types = new HashSet<>();
        Synthesized.JSON.readTree(template.toFile()).get("Resources").forEach(r -> types.add(r.get("Type").asText()));
        List<Path> out = new ArrayList<>();
        for (Path rule : ruleFiles) {
            String text = Files.readString(rule);
            if (types.stream().anyMatch(t -> text.contains("\"" + t + "\""))) {
                out.add(rule);
            }
        }
        assertThat(out).as("rules for " + template).isNotEmpty();
        return out;
    }

    /** The variants share most templates; each distinct one is checked once. */
    private static List<Path> uniqueTemplates() throws IOException {
        Map<String, Path> byContent = new LinkedHashMap<>();
        for (Path template : Tools.templates()) {
            byContent.putIfAbsent(Files.readString(template), template);
        }
        return new ArrayList<>(byContent.values());
    }
}
