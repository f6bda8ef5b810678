package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.InstanceSpec;
import dev.capstan.standin.RecordedCall;
import dev.capstan.standin.TemplateSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AWS's rules about the group and the version it runs, which the stand-in enforces as AWS does: each of these
 * deploys would fail or do harm after a change on a real account, so the preflight refuses them with exit 2 first.
 */
class GroupRulesTest extends Scenario {

    @ParameterizedTest
    @ValueSource(strings = {"", "--no-auto-rollback --on-timeout cancel", "--no-auto-rollback --on-timeout leave"})
    void aGroupOnLatestIsRefusedWhateverTheFlags(String flags) {
        replaceTheGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "$Latest").capacity(2));

        Result result = deploy(flags.isEmpty() ? new String[0] : flags.split(" "));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("launches the template's $Latest version")
                .contains("it would launch the new version the moment this deploy created it");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aVersionWhoseAmiIsAnSsmParameterIsRefusedNamingTheParameter() {
        String parameter = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
        replaceTheTemplate(TemplateSpec.named(TEMPLATE).imageId("resolve:ssm:" + parameter));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("whose ImageId is the SSM parameter " + parameter)
                .contains("AWS cannot roll such a group back").contains("--no-auto-rollback");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aVersionWhoseAmiIsAnSsmParameterDeploysWithoutRollback() {
        replaceTheTemplate(TemplateSpec.named(TEMPLATE).imageId("resolve:ssm:/capstan/ami"));

        Result result = deploy("--no-auto-rollback", "--on-timeout", "cancel");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(STAND_IN.calls("StartInstanceRefresh").get(0).param("Preferences.AutoRollback")).isEqualTo("false");
    }

    @Test
    void aVersionThatLetsContainersReachInstanceMetadataIsRefused() {
        replaceTheTemplate(TemplateSpec.named(TEMPLATE).metadataOptions("optional", 2));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("has metadata options HttpTokens=optional, HttpPutResponseHopLimit=2")
                .contains("must require IMDSv2 with hop limit 1");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void aVersionWithoutMetadataOptionsIsRefusedToo() {
        replaceTheTemplate(TemplateSpec.named(TEMPLATE).metadataOptions(null, null));

        Result result = deploy();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("HttpTokens=null, HttpPutResponseHopLimit=null");
    }

    @Test
    void everyCreatedVersionCarriesTheSourcesMetadataLock() {
        assertThat(deploy().exitCode()).isZero();

        var options = STAND_IN.ec2().launchTemplate(TEMPLATE).version(2).orElseThrow().data().get("MetadataOptions");
        assertThat(options).asString().contains("HttpTokens=required").contains("HttpPutResponseHopLimit=1");
    }

    @Test
    void protectedInstancesThatWouldStallTheRefreshAreListedAndRefused() {
        replaceTheGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .instance(InstanceSpec.inService("i-0aaaaaaaaaaaaaaa1", "eu-west-1a").withScaleInProtection())
                .instance(InstanceSpec.inService("i-0aaaaaaaaaaaaaaa2", "eu-west-1b")));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("instances protected from scale in (i-0aaaaaaaaaaaaaaa1)")
                .contains("wait an hour").contains("--scale-in-protected-instances Refresh");
        assertThat(mutatingActions()).isEmpty();
    }

    @Test
    void protectedInstancesCanBeReplacedOnRequest() {
        replaceTheGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .instance(InstanceSpec.inService("i-0aaaaaaaaaaaaaaa1", "eu-west-1a").withScaleInProtection())
                .instance(InstanceSpec.inService("i-0aaaaaaaaaaaaaaa2", "eu-west-1b")));

        Result result = deploy("--scale-in-protected-instances", "Refresh");

        assertThat(result.exitCode()).as(result.all()).isZero();
        RecordedCall start = STAND_IN.calls("StartInstanceRefresh").get(0);
        assertThat(start.param("Preferences.ScaleInProtectedInstances")).isEqualTo("Refresh");
    }

    @Test
    void standbyInstancesThatWouldStallTheRefreshAreListedAndRefused() {
        replaceTheGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .instance(InstanceSpec.inStandby("i-0bbbbbbbbbbbbbbb1", "eu-west-1a"))
                .instance(InstanceSpec.inService("i-0bbbbbbbbbbbbbbb2", "eu-west-1b")));

        Result refused = deploy();
        Result ignored = deploy("--standby-instances", "Ignore");

        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("instances in Standby (i-0bbbbbbbbbbbbbbb1)").contains("--standby-instances");
        assertThat(ignored.exitCode()).as(ignored.all()).isZero();
        assertThat(STAND_IN.calls("StartInstanceRefresh").get(0).param("Preferences.StandbyInstances")).isEqualTo("Ignore");
    }

    @Test
    void snapshotsOfTheSourcesBlockDevicesCarryOverToTheNewVersion() {
        replaceTheTemplate(TemplateSpec.named(TEMPLATE).blockDevice("/dev/xvda", "snap-0123456789abcdef0", 30, "gp3"));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        var mappings = STAND_IN.ec2().launchTemplate(TEMPLATE).version(2).orElseThrow().data().get("BlockDeviceMappings");
        assertThat(mappings).asString().contains("snap-0123456789abcdef0").contains("gp3");
    }

    /** The standard world with another group on the same template. */
    private static void replaceTheGroup(GroupSpec group) {
        replaceTheWorld(TemplateSpec.named(TEMPLATE), tagged(group));
    }

    /** The standard world with another version 1 of the template. */
    private static void replaceTheTemplate(TemplateSpec template) {
        replaceTheWorld(template, tagged(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1").capacity(2)));
    }
}
