package dev.capstan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneControlApiTest {

    private static StandaloneStandIn standalone;
    private static AutoScalingClient asg;

    @BeforeAll
    static void start() throws Exception {
        standalone = StandaloneStandIn.start("--port", "0", "--imds-port", "0", "--demo", "--speed", "1");
        asg = AutoScalingClient.builder().endpointOverride(standalone.endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
    }

    @AfterAll
    static void stop() throws Exception {
        asg.close();
        standalone.close();
    }

    @BeforeEach
    void manualClock() {
        standalone.post("/_standin/clock", "{\"mode\": \"manual\"}");
    }

    @Test
    void printsOneJsonLineWithItsEndpointsWhenListening() {
        assertThat(standalone.firstLine).contains("\"message\":\"listening\"").contains("\"demo\":true");
        assertThat(standalone.endpoint.getHost()).isEqualTo("127.0.0.1");
        assertThat(standalone.imds.getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void demoWorldIsSeededAndTheClockCanBeAdvanced() {
        standalone.post("/_standin/reset", "");
        JsonNode state = standalone.post("/_standin/demo", "");
        assertThat(state.at("/groups/capstan-web/group/desiredCapacity").asInt()).isEqualTo(4);
        assertThat(state.at("/groups/capstan-web/group/lifecycleHooks/0/name").asText()).isEqualTo("capstan-launch");
        assertThat(state.at("/launchTemplates/0/versions/0/versionDescription").asText())
                .startsWith("image capstan:abc1234 sha256:");
        List<String> tags = new ArrayList<>();
        state.at("/repositories/0/images").forEach(i -> tags.add(i.at("/tags/0").asText()));
        assertThat(tags).containsExactly("abc1234", "def5678");

        asg.startInstanceRefresh(r -> r.autoScalingGroupName("capstan-web")
                .desiredConfiguration(d -> d.launchTemplate(t -> t.launchTemplateName("capstan").version("1"))));
        standalone.post("/_standin/clock", "{\"advanceSeconds\": 3600}");
        assertThat(standalone.get("/_standin/state").at("/groups/capstan-web/refreshes/0/status").asText())
                .isEqualTo("Successful");
        assertThat(standalone.get("/_standin/clock").get("manual").asBoolean()).isTrue();
    }

    @Test
    void seedFaultsCallsAndActionsWorkOverHttp() {
        standalone.post("/_standin/reset", "");
        standalone.post("/_standin/seed", """
                {"registryHost": "127.0.0.1:5000", "ecrPassword": "pw",
                 "images": [{"repository": "capstan", "tag": "abc1234", "digest": "sha256:%s"}],
                 "launchTemplates": [{"name": "capstan", "userData": "#!/bin/bash\\n"}],
                 "groups": [{"name": "boot", "launchTemplate": "capstan", "desiredCapacity": 1, "launchHook": "boot-launch",
                             "holdLifecycleActions": true,
                             "instances": [{"instanceId": "i-0feedfacecafe0001", "lifecycleState": "Pending:Wait"}]}],
                 "identity": {"instanceId": "i-0feedfacecafe0001"}}
                """.formatted("c".repeat(64)));
        standalone.post("/_standin/faults", "{\"kind\": \"throttle\", \"action\": \"DescribeAutoScalingGroups\", \"times\": 1}");

        assertThat(asg.describeAutoScalingGroups().autoScalingGroups().get(0).instances().get(0).lifecycleStateAsString())
                .isEqualTo("Pending:Wait");
        asg.completeLifecycleAction(r -> r.autoScalingGroupName("boot").lifecycleHookName("boot-launch")
                .instanceId("i-0feedfacecafe0001").lifecycleActionResult("CONTINUE"));

        JsonNode calls = standalone.get("/_standin/calls");
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0).get("errorCode").asText()).isEqualTo("Throttling");
        assertThat(standalone.get("/_standin/calls?action=CompleteLifecycleAction").get(0).at("/params/InstanceId").asText())
                .isEqualTo("i-0feedfacecafe0001");
        JsonNode actions = standalone.get("/_standin/actions");
        assertThat(actions.get("anyMutatingCall").asBoolean()).isTrue();
        assertThat(actions.get("actionsEverCalled").toString()).contains("autoscaling:CompleteLifecycleAction");
        JsonNode done = standalone.get("/_standin/lifecycle-actions").get(0);
        assertThat(done.get("result").asText()).isEqualTo("CONTINUE");
        assertThat(done.get("source").asText()).isEqualTo("api");
        assertThat(standalone.get("/_standin/imds/identity").get("instanceId").asText()).isEqualTo("i-0feedfacecafe0001");
        assertThat(standalone.get("/_standin/state").at("/repositories/0/uri").asText()).isEqualTo("127.0.0.1:5000/capstan");
    }

    @Test
    void seededGroupFieldsCapacityAndLostAnswersWorkOverHttp() {
        standalone.post("/_standin/reset", "");
        standalone.post("/_standin/seed", """
                {"launchTemplates": [{"name": "capstan", "userData": "#!/bin/bash\\n"}, {"name": "capstan-arm"}],
                 "groups": [{"name": "web", "launchTemplate": "capstan", "maxSize": 4,
                             "tags": {"capstan:log-group": "/capstan/service"},
                             "instanceMaintenancePolicy": {"minHealthyPercentage": 100, "maxHealthyPercentage": 150},
                             "elb": {"healthCheckIntervalSeconds": 5, "healthyThreshold": 2, "deregistrationDelaySeconds": 15},
                             "mixedInstancesPolicy": {"overrides": [{"instanceType": "t3.small"},
                                 {"instanceType": "t4g.small", "launchTemplate": {"name": "capstan-arm", "version": "1"}}],
                                 "instancesDistribution": {"onDemandBaseCapacity": 1}},
                             "instances": [{"instanceId": "i-0feedfacecafe0001"}, {"instanceId": "i-0feedfacecafe0002"},
                                           {"instanceId": "i-0feedfacecafe0003", "lifecycleState": "Standby"}]}]}
                """);

        var g = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("web")).autoScalingGroups().get(0);
        assertThat(g.desiredCapacity()).isEqualTo(2);
        assertThat(g.tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("/capstan/service"));
        assertThat(g.instanceMaintenancePolicy().maxHealthyPercentage()).isEqualTo(150);
        assertThat(g.healthCheckType()).isEqualTo("ELB");
        assertThat(g.mixedInstancesPolicy().launchTemplate().overrides()).hasSize(2);
        assertThat(g.mixedInstancesPolicy().instancesDistribution().onDemandBaseCapacity()).isEqualTo(1);
        assertThat(g.instances()).extracting(i -> i.lifecycleStateAsString()).containsExactly("InService", "InService", "Standby");
        JsonNode capacity = standalone.get("/_standin/capacity?group=web");
        assertThat(capacity).hasSize(1);
        assertThat(capacity.get(0).get("inService").asInt()).isEqualTo(2);
        assertThat(capacity.get(0).get("desired").asInt()).isEqualTo(2);
        assertThat(capacity.get(0).get("live").asInt()).isEqualTo(2);

        standalone.post("/_standin/faults", "{\"kind\": \"loseAnswer\", \"action\": \"StartInstanceRefresh\"}");
        assertThatThrownBy(() -> asg.startInstanceRefresh(r -> r.autoScalingGroupName("web")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InstanceRefreshInProgress"));
        assertThat(standalone.get("/_standin/calls?action=StartInstanceRefresh")).extracting(c -> c.get("errorCode").asText())
                .containsExactly("null", "InstanceRefreshInProgress");
    }

    @Test
    void instanceHealthAndSuspendedProcessesWorkOverHttp() {
        standalone.post("/_standin/reset", "");
        standalone.post("/_standin/demo", "");
        String sick = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("capstan-web")).autoScalingGroups()
                .get(0).instances().get(0).instanceId();

        standalone.post("/_standin/suspend-processes", "{\"group\": \"capstan-web\", \"processes\": [\"ReplaceUnhealthy\"]}");
        standalone.post("/_standin/instance-health",
                "{\"group\": \"capstan-web\", \"instanceId\": \"" + sick + "\", \"healthStatus\": \"Unhealthy\"}");

        var g = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("capstan-web")).autoScalingGroups().get(0);
        assertThat(g.suspendedProcesses()).extracting(p -> p.processName()).containsExactly("ReplaceUnhealthy");
        assertThat(g.instances().get(0).healthStatus()).isEqualTo("Unhealthy");
        assertThat(g.instances().get(0).lifecycleStateAsString()).isEqualTo("InService");
        standalone.post("/_standin/resume-processes", "{\"group\": \"capstan-web\", \"processes\": [\"ReplaceUnhealthy\"]}");
        assertThat(asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("capstan-web")).autoScalingGroups().get(0)
                .instances().get(0).lifecycleStateAsString()).startsWith("Terminating");
        assertThatThrownBy(() -> standalone.post("/_standin/suspend-processes", "{\"group\": \"capstan-web\"}"))
                .hasMessageContaining("400").hasMessageContaining("processes");
    }

    @Test
    void theDemoGroupCarriesTheTagsTheCliReadsItsDefaultsFrom() {
        standalone.post("/_standin/reset", "");
        standalone.post("/_standin/demo", "");
        var tags = asg.describeAutoScalingGroups(r -> r.autoScalingGroupNames("capstan-web")).autoScalingGroups().get(0).tags();
        assertThat(tags).extracting(t -> t.key() + "=" + t.value()).containsExactly(
                "capstan:last-good-parameter=/capstan/demo/last-good-image", "capstan:log-group=/capstan/service");
    }

    @Test
    void demoWorldHasTheLastGoodParameter() {
        standalone.post("/_standin/reset", "");
        standalone.post("/_standin/demo", "");
        JsonNode parameters = standalone.get("/_standin/parameters");
        assertThat(parameters).hasSize(1);
        assertThat(parameters.get(0).get("name").asText()).isEqualTo("/capstan/demo/last-good-image");
        assertThat(parameters.get(0).get("value").asText())
                .isEqualTo("capstan:abc1234@" + DemoWorld.digestOf("capstan:abc1234"));
        assertThat(parameters.get(0).get("type").asText()).isEqualTo("String");
    }

    @Test
    void seedTakesMetadataOptionsBlockDevicesImageStatusIndexesParametersAndAmis() {
        standalone.post("/_standin/reset", "");
        JsonNode state = standalone.post("/_standin/seed", """
                {"images": [{"repository": "capstan", "tag": "old", "digest": "sha256:%s", "imageStatus": "ARCHIVED"},
                            {"repository": "capstan", "tag": "multi", "digest": "sha256:%s",
                             "platforms": ["linux/amd64", "linux/arm64/v8"]}],
                 "launchTemplates": [{"name": "capstan", "metadataOptions": {"httpTokens": "optional", "hopLimit": 2},
                                      "blockDevices": [{"deviceName": "/dev/xvda", "snapshotId": "snap-0123456789abcdef0",
                                                        "sizeGiB": 30, "volumeType": "gp3"}]}],
                 "parameters": {"/capstan/test/last-good-image": "capstan:old@sha256:%s"},
                 "amis": {"ami-0fedcba9876543210": "arm64"}}
                """.formatted("a".repeat(64), "b".repeat(64), "a".repeat(64)));

        JsonNode data = state.at("/launchTemplates/0/versions/0/data");
        assertThat(data.at("/MetadataOptions/HttpTokens").asText()).isEqualTo("optional");
        assertThat(data.at("/MetadataOptions/HttpPutResponseHopLimit").asText()).isEqualTo("2");
        assertThat(data.at("/BlockDeviceMappings/0/Ebs/SnapshotId").asText()).isEqualTo("snap-0123456789abcdef0");
        List<String> images = new ArrayList<>();
        state.at("/repositories/0/images").forEach(i -> images.add(i.at("/tags/0").asText("-") + " "
                + i.get("imageStatus").asText() + " " + i.get("platforms")));
        assertThat(images).contains("old ARCHIVED []", "multi ACTIVE [\"linux/amd64\",\"linux/arm64/v8\"]");
        assertThat(standalone.get("/_standin/parameters").get(0).get("version").asInt()).isEqualTo(1);

        Ec2Client ec2 = Ec2Client.builder().endpointOverride(standalone.endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
        try (ec2) {
            assertThat(ec2.describeImages(r -> r.imageIds("ami-0fedcba9876543210")).images().get(0).architectureAsString())
                    .isEqualTo("arm64");
        }
    }

    @Test
    void aSeedWithABadParameterNameOrImageStatusChangesNothing() {
        standalone.post("/_standin/reset", "");
        assertThatThrownBy(() -> standalone.post("/_standin/seed", """
                {"images": [{"repository": "capstan", "tag": "x", "digest": "sha256:%s"}],
                 "parameters": {"no/leading/slash": "v"}}
                """.formatted("a".repeat(64)))).hasMessageContaining("400").hasMessageContaining("fully qualified");
        assertThatThrownBy(() -> standalone.post("/_standin/seed", """
                {"images": [{"repository": "capstan", "tag": "x", "digest": "sha256:%s", "imageStatus": "GONE"}]}
                """.formatted("a".repeat(64)))).hasMessageContaining("400").hasMessageContaining("imageStatus");
        assertThat(standalone.get("/_standin/state").get("repositories")).isEmpty();
    }

    @Test
    void badControlRequestsGetAClearJsonError() {
        var response = standalone.raw(HttpRequest.newBuilder(standalone.endpoint.resolve("/_standin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\": \"explode\"}")).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\"").contains("kind must be");
        assertThat(standalone.raw(HttpRequest.newBuilder(standalone.endpoint.resolve("/_standin/nope")).GET().build())
                .statusCode()).isEqualTo(404);
        assertThat(standalone.raw(HttpRequest.newBuilder(standalone.endpoint.resolve("/_standin/capacity")).GET().build())
                .statusCode()).isEqualTo(400);
        String before = standalone.get("/_standin/state").toString();
        assertThatThrownBy(() -> standalone.post("/_standin/seed", """
                {"launchTemplates": [{"name": "fresh"}],
                 "groups": [{"name": "x", "launchTemplate": "fresh",
                             "instanceMaintenancePolicy": {"minHealthyPercentage": 20, "maxHealthyPercentage": 150}}]}
                """)).hasMessageContaining("400").hasMessageContaining("cannot be greater than 100");
        assertThat(standalone.get("/_standin/state").toString()).isEqualTo(before);
        assertThatThrownBy(() -> standalone.post("/_standin/seed", """
                {"launchTemplates": [{"name": "fresh"}],
                 "groups": [{"name": "x", "launchTemplate": "missing"}]}
                """)).hasMessageContaining("400").hasMessageContaining("no launch template named missing");
        assertThat(standalone.get("/_standin/state").toString()).isEqualTo(before);
    }

    @Test
    void badCommandLineOptionsExitWithOneSentence() throws Exception {
        Process p = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                AwsStandInMain.class.getName(), "--speed", "fast").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).startsWith("--speed must be a positive number; got fast.");
    }

    private static String java() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
