package dev.capstan.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every operation the rollout CLI and the boot script call, answered by the stand-in from a rich world, and checked
 * against botocore's own service models (the Python botocore the AWS CLI is built on) by
 * {@code shape-conformance/check_shapes.py}: parsed with botocore's parser for the protocol, then walked raw, failing
 * on an element or key that is not a member of the output shape, a value of the wrong type, or an enum value outside
 * the model. Without Python and botocore the test is skipped locally and fails on CI.
 */
class ShapeConformanceTest {

    private static final String GROUP = "capstan-web";
    private static final String TEMPLATE = "capstan";
    private static final String HOOK = "capstan-launch";
    private static final String PARAMETER = "/capstan/production/last-good-image";

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private final List<ObjectNode> answers = new ArrayList<>();

    /** The Python that has botocore: {@code BOTOCORE_PYTHON} when set (.ci/run finds one), else python3 on PATH. */
    private static final String PYTHON = System.getenv().getOrDefault("BOTOCORE_PYTHON", "python3");

    @BeforeAll
    static void pythonWithBotocore() throws Exception {
        boolean available;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import botocore").redirectErrorStream(true).start();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must have python3 with botocore (the AWS CLI's own library) for the shape conformance check");
            }
            assumeTrue(false, "no python3 with botocore on this machine");
        }
    }

    @Test
    void everyOperationTheRolloutAndTheBootScriptCallConformsToBotocoresShapes() throws Exception {
        richWorld();
        ec2Answers();
        ecrAnswers();
        ssmAnswers();
        autoScalingAnswers();

        Path file = work.resolve("answers.json");
        Files.writeString(file, JSON.writeValueAsString(answers));
        Path script = Path.of(getClass().getResource("/shape-conformance/check_shapes.py").toURI());
        Process p = new ProcessBuilder(PYTHON, script.toString(), file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("0 problems");
        assertThat(answers.stream().map(a -> a.get("service").asText() + ":" + a.get("operation").asText())
                .collect(Collectors.toSet())).hasSize(20);
    }

    /** A group mid-story: block devices, tags, checkpoints, alarms, a rolled-back refresh, an image index, a parameter. */
    private void richWorld() {
        standIn.ecr().putImage("capstan", "abc1234", SdkClients.digest('a'));
        standIn.ecr().putImage("capstan", "old0001", SdkClients.digest('b'));
        standIn.ecr().setImageStatus("capstan", SdkClients.digest('b'), "ARCHIVED");
        standIn.ecr().putImageIndex("capstan", "multi", SdkClients.digest('c'), List.of("linux/amd64", "linux/arm64/v8"));
        standIn.ec2().registerImage("ami-0fedcba9876543210", "arm64");
        standIn.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE).userData("#!/bin/bash\necho v1\n")
                .versionDescription("image capstan:abc1234 " + SdkClients.digest('a')).instanceTag("capstan:image-tag", "abc1234")
                .blockDevice("/dev/xvda", "snap-0123456789abcdef0", 30, "gp3").metadataOptions("required", 1));
        standIn.ec2().createVersion(TEMPLATE, "#!/bin/bash\necho v2\n", "v2");
        standIn.ssm().putParameter(PARAMETER, "capstan:abc1234@" + SdkClients.digest('a'));
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(2, 4, 8)
                .launchHook(HOOK));
        standIn.autoScaling().createGroup(GroupSpec.named("capstan-mixed").launchTemplate(TEMPLATE, "1")
                .mixedInstancesPolicy(true).capacity(1));
    }

    private void ec2Answers() {
        ec2("DescribeLaunchTemplates", Map.of("LaunchTemplateName.1", TEMPLATE));
        ec2("DescribeLaunchTemplateVersions", Map.of("LaunchTemplateName", TEMPLATE));
        ec2("CreateLaunchTemplateVersion", Map.of("LaunchTemplateName", TEMPLATE, "SourceVersion", "1",
                "VersionDescription", "image capstan:multi " + SdkClients.digest('c'),
                "LaunchTemplateData.UserData", base64("#!/bin/bash\necho v3\n"),
                "LaunchTemplateData.TagSpecification.1.ResourceType", "instance",
                "LaunchTemplateData.TagSpecification.1.Tag.1.Key", "capstan:image-tag",
                "LaunchTemplateData.TagSpecification.1.Tag.1.Value", "multi",
                "LaunchTemplateData.BlockDeviceMapping.1.DeviceName", "/dev/xvda",
                "LaunchTemplateData.BlockDeviceMapping.1.Ebs.SnapshotId", "snap-0123456789abcdef0",
                "LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeSize", "30"));
        ec2("ModifyLaunchTemplate", Map.of("LaunchTemplateName", TEMPLATE, "SetDefaultVersion", "3"));
        ec2("DeleteLaunchTemplateVersions", Map.of("LaunchTemplateName", TEMPLATE, "LaunchTemplateVersion.1", "2",
                "LaunchTemplateVersion.2", "9"));
        ec2("DescribeImages", Map.of("ImageId.1", "ami-0123456789abcdef0", "ImageId.2", "ami-0fedcba9876543210"));
        ec2Error("DescribeImages", Map.of("ImageId.1", "ami-0aaaaaaaaaaaaaaaa"), "InvalidAMIID.NotFound");
        ec2Error("CreateLaunchTemplateVersion", Map.of("LaunchTemplateName", TEMPLATE, "SourceVersion", "1",
                "LaunchTemplateData.UserData", base64("x".repeat(16_385))), "InvalidUserData.Malformed");
    }

    private void ecrAnswers() {
        ecr("DescribeRepositories", "{\"repositoryNames\": [\"capstan\"]}");
        ecr("DescribeImages", "{\"repositoryName\": \"capstan\", \"filter\": {\"imageStatus\": \"ANY\"}}");
        ecr("DescribeImages", "{\"repositoryName\": \"capstan\", \"imageIds\": [{\"imageTag\": \"multi\"}]}");
        ecr("BatchGetImage", "{\"repositoryName\": \"capstan\", \"imageIds\": [{\"imageTag\": \"multi\"},"
                + " {\"imageTag\": \"old0001\"}], \"acceptedMediaTypes\": [\"application/vnd.oci.image.index.v1+json\","
                + " \"application/vnd.oci.image.manifest.v1+json\"]}");
        ecr("GetAuthorizationToken", "{}");
        ecrError("DescribeImages", "{\"repositoryName\": \"capstan\", \"imageIds\": [{\"imageTag\": \"nope\"}]}",
                "ImageNotFoundException");
    }

    private void ssmAnswers() {
        ssm("GetParameter", "{\"Name\": \"" + PARAMETER + "\"}");
        ssm("PutParameter", "{\"Name\": \"" + PARAMETER + "\", \"Value\": \"capstan:multi@" + SdkClients.digest('c')
                + "\", \"Overwrite\": true}");
        ssmError("GetParameter", "{\"Name\": \"/capstan/nope\"}", "ParameterNotFound");
        ssmError("PutParameter", "{\"Name\": \"" + PARAMETER + "\", \"Value\": \"v\", \"Type\": \"String\"}",
                "ParameterAlreadyExists");
    }

    private void autoScalingAnswers() {
        standIn.faults().failRefreshAt(GROUP, 50);
        String rolledBack = autoScaling("StartInstanceRefresh", startRefresh("3",
                "Preferences.MinHealthyPercentage", "50", "Preferences.MaxHealthyPercentage", "150",
                "Preferences.InstanceWarmup", "30", "Preferences.AutoRollback", "true",
                "Preferences.CheckpointPercentages.member.1", "50", "Preferences.CheckpointPercentages.member.2", "100",
                "Preferences.CheckpointDelay", "60", "Preferences.SkipMatching", "true",
                "Preferences.AlarmSpecification.Alarms.member.1", "capstan-5xx"));
        assertThat(rolledBack).contains("<InstanceRefreshId>");
        standIn.clock().advance(Duration.ofMinutes(10));
        autoScaling("DescribeInstanceRefreshes", Map.of("AutoScalingGroupName", GROUP));
        standIn.clock().advance(Duration.ofHours(2));
        standIn.faults().clear();
        autoScaling("DescribeInstanceRefreshes", Map.of("AutoScalingGroupName", GROUP));

        autoScaling("StartInstanceRefresh", startRefresh("3", "Preferences.AutoRollback", "true"));
        standIn.clock().advance(Duration.ofSeconds(30));
        autoScaling("RollbackInstanceRefresh", Map.of("AutoScalingGroupName", GROUP));
        standIn.clock().advance(Duration.ofHours(1));
        autoScaling("StartInstanceRefresh", startRefresh("3"));
        standIn.clock().advance(Duration.ofSeconds(30));
        autoScaling("CancelInstanceRefresh", Map.of("AutoScalingGroupName", GROUP));
        standIn.clock().advance(Duration.ofHours(1));

        // A suspended process and an instance it keeps InService though Unhealthy.
        standIn.autoScaling().suspendProcesses("capstan-mixed", "ReplaceUnhealthy");
        standIn.autoScaling().setInstanceHealth("capstan-mixed",
                standIn.autoScaling().group("capstan-mixed").instances().get(0).instanceId(), "Unhealthy");
        autoScaling("DescribeAutoScalingGroups", Map.of("AutoScalingGroupNames.member.1", GROUP,
                "AutoScalingGroupNames.member.2", "capstan-mixed"));
        autoScaling("DescribeAutoScalingInstances", Map.of());
        autoScaling("DescribeLifecycleHooks", Map.of("AutoScalingGroupName", GROUP));

        standIn.autoScaling().holdLifecycleActions(GROUP, true);
        autoScaling("StartInstanceRefresh", startRefresh("1"));
        standIn.clock().advance(Duration.ofMinutes(2));
        String waiting = standIn.autoScaling().group(GROUP).instances().stream()
                .filter(i -> i.lifecycleState().equals("Pending:Wait")).findFirst().orElseThrow().instanceId();
        Map<String, String> complete = Map.of("AutoScalingGroupName", GROUP, "LifecycleHookName", HOOK,
                "InstanceId", waiting, "LifecycleActionResult", "CONTINUE");
        autoScaling("DescribeAutoScalingInstances", Map.of("InstanceIds.member.1", waiting));
        autoScaling("CompleteLifecycleAction", complete);
        autoScalingError("CompleteLifecycleAction", complete, "ValidationError");
        autoScaling("DescribeInstanceRefreshes", Map.of("AutoScalingGroupName", GROUP));
    }

    private static Map<String, String> startRefresh(String version, String... preferences) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AutoScalingGroupName", GROUP);
        params.put("Strategy", "Rolling");
        params.put("DesiredConfiguration.LaunchTemplate.LaunchTemplateName", TEMPLATE);
        params.put("DesiredConfiguration.LaunchTemplate.Version", version);
        for (int i = 0; i < preferences.length; i += 2) {
            params.put(preferences[i], preferences[i + 1]);
        }
        return params;
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- raw HTTP, so the checker sees exactly the bytes the stand-in sent ----

    private String autoScaling(String action, Map<String, String> params) {
        return query("autoscaling", "2011-01-01", action, params, null);
    }

    private void autoScalingError(String action, Map<String, String> params, String code) {
        query("autoscaling", "2011-01-01", action, params, code);
    }

    private void ec2(String action, Map<String, String> params) {
        query("ec2", "2016-11-15", action, params, null);
    }

    private void ec2Error(String action, Map<String, String> params, String code) {
        query("ec2", "2016-11-15", action, params, code);
    }

    private void ecr(String operation, String body) {
        json("ecr", "AmazonEC2ContainerRegistry_V20150921.", operation, body, null);
    }

    private void ecrError(String operation, String body, String code) {
        json("ecr", "AmazonEC2ContainerRegistry_V20150921.", operation, body, code);
    }

    private void ssm(String operation, String body) {
        json("ssm", "AmazonSSM.", operation, body, null);
    }

    private void ssmError(String operation, String body, String code) {
        json("ssm", "AmazonSSM.", operation, body, code);
    }

    private String query(String service, String version, String action, Map<String, String> params, String error) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", action);
        form.put("Version", version);
        form.putAll(params);
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(service, action, HttpRequest.newBuilder(standIn.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), error);
    }

    private void json(String service, String targetPrefix, String operation, String body, String error) {
        send(service, operation, HttpRequest.newBuilder(standIn.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", targetPrefix + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), error);
    }

    private String send(String service, String operation, HttpRequest request, String expectedError) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(response.statusCode() >= 400).as(service + ":" + operation + " answered " + response.statusCode()
                + ": " + response.body()).isEqualTo(expectedError != null);
        ObjectNode answer = JSON.createObjectNode().put("service", service).put("operation", operation)
                .put("status", response.statusCode()).put("body", response.body());
        if (expectedError != null) {
            answer.put("expectedError", expectedError);
        }
        answers.add(answer);
        return response.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
