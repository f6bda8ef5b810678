package dev.capstan.standin;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResourceType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LaunchTemplateApiTest {

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final Ec2Client ec2 = AWS.ec2();

    @BeforeEach
    void world() {
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("capstan").userData("#!/bin/bash\necho v1\n")
                .versionDescription("image capstan:abc1234 sha256:aaa").instanceTag("ImageTag", "abc1234"));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }


    @Test
    void describeLaunchTemplatesFindsTemplatesByNameAndById() {
        LaunchTemplate byName = ec2.describeLaunchTemplates(r -> r.launchTemplateNames("capstan")).launchTemplates().get(0);
        assertThat(byName.launchTemplateName()).isEqualTo("capstan");
        assertThat(byName.launchTemplateId()).matches("lt-[0-9a-f]{17}");
        assertThat(byName.defaultVersionNumber()).isEqualTo(1L);
        assertThat(byName.latestVersionNumber()).isEqualTo(1L);
        assertThat(byName.createTime()).isNotNull();

        LaunchTemplate byId = ec2.describeLaunchTemplates(r -> r.launchTemplateIds(byName.launchTemplateId()))
                .launchTemplates().get(0);
        assertThat(byId.launchTemplateName()).isEqualTo("capstan");
    }

    @Test
    void missingTemplatesAnswerEc2sNotFoundCodes() {
        assertThatThrownBy(() -> ec2.describeLaunchTemplates(r -> r.launchTemplateNames("nope")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidLaunchTemplateName.NotFoundException"));
        assertThatThrownBy(() -> ec2.describeLaunchTemplates(r -> r.launchTemplateIds("lt-0123456789abcdef0")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidLaunchTemplateId.NotFound"));
        assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("nope")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidLaunchTemplateName.NotFoundException"));
        assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("capstan").versions("7")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidLaunchTemplateId.VersionNotFound"));
    }

    @Test
    void versionsRoundTripTheirLaunchTemplateData() {
        LaunchTemplateVersion v = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("capstan")
                .versions("$Default")).launchTemplateVersions().get(0);
        assertThat(v.versionNumber()).isEqualTo(1L);
        assertThat(v.defaultVersion()).isTrue();
        assertThat(v.versionDescription()).isEqualTo("image capstan:abc1234 sha256:aaa");
        assertThat(v.createTime()).isNotNull();
        assertThat(v.launchTemplateData().imageId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(v.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.small");
        assertThat(v.launchTemplateData().userData()).isEqualTo(base64("#!/bin/bash\necho v1\n"));
        assertThat(v.launchTemplateData().iamInstanceProfile().name()).isEqualTo("capstan-instance");
        assertThat(v.launchTemplateData().metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(v.launchTemplateData().metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(v.launchTemplateData().securityGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(v.launchTemplateData().tagSpecifications()).singleElement().satisfies(t -> {
            assertThat(t.resourceType()).isEqualTo(ResourceType.INSTANCE);
            assertThat(t.tags()).extracting(tag -> tag.key() + "=" + tag.value())
                    .containsExactly("Name=capstan", "ImageTag=abc1234");
        });
    }

    @Test
    void newVersionIsTheSourceDataWithTheGivenMembersReplacingIt() {
        CreateLaunchTemplateVersionResponse created = ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan")
                .sourceVersion("$Default").versionDescription("image capstan:def5678 sha256:bbb")
                .launchTemplateData(d -> d.userData(base64("#!/bin/bash\necho v2\n"))
                        .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                                .tags(tag -> tag.key("ImageTag").value("def5678")))));

        LaunchTemplateVersion v2 = created.launchTemplateVersion();
        assertThat(v2.versionNumber()).isEqualTo(2L);
        assertThat(v2.defaultVersion()).isFalse();
        assertThat(v2.launchTemplateData().userData()).isEqualTo(base64("#!/bin/bash\necho v2\n"));
        assertThat(v2.launchTemplateData().imageId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(v2.launchTemplateData().metadataOptions().httpTokensAsString()).isEqualTo("required");
        assertThat(v2.launchTemplateData().tagSpecifications().get(0).tags())
                .extracting(tag -> tag.key() + "=" + tag.value()).containsExactly("ImageTag=def5678");
        assertThat(standIn.ec2().launchTemplate("capstan").latestVersionNumber()).isEqualTo(2);
        assertThat(standIn.ec2().launchTemplate("capstan").version(2).orElseThrow().userDataText())
                .isEqualTo("#!/bin/bash\necho v2\n");
    }

    @Test
    void createVersionRefusesUserDataThatIsNotBase64() {
        assertThatThrownBy(() -> ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan")
                .sourceVersion("1").launchTemplateData(d -> d.userData("not base64 at all!"))))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidUserData.Malformed"));
    }

    @Test
    void createVersionAcceptsSixteenKilobytesDecodedThoughTheBase64TextIsLonger() {
        String fits = base64("x".repeat(16_384));
        assertThat(fits).hasSize(21_848);
        assertThat(ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.userData(fits))).launchTemplateVersion().versionNumber()).isEqualTo(2L);
        assertThat(standIn.ec2().launchTemplate("capstan").version(2).orElseThrow().userDataText()).hasSize(16_384);
    }

    @Test
    void createVersionRefusesUserDataOverSixteenKilobytesDecoded() {
        String tooBig = base64("x".repeat(16_385));
        assertThatThrownBy(() -> ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan")
                .sourceVersion("1").launchTemplateData(d -> d.userData(tooBig))))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidUserData.Malformed"))
                .hasMessageContaining("User data is limited to 16384 bytes");
        assertThat(standIn.ec2().launchTemplate("capstan").versions()).hasSize(1);
    }

    @Test
    void sourceVersionDropsInheritedSnapshotsUnlessBlockDeviceMappingsAreSentAgain() {
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("with-disk")
                .blockDevice("/dev/xvda", "snap-0123456789abcdef0", 30, "gp3"));

        LaunchTemplateVersion inherited = ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("with-disk")
                .sourceVersion("1").launchTemplateData(d -> d.userData(base64("#!/bin/bash\n")))).launchTemplateVersion();
        assertThat(inherited.launchTemplateData().blockDeviceMappings()).singleElement().satisfies(b -> {
            assertThat(b.deviceName()).isEqualTo("/dev/xvda");
            assertThat(b.ebs().volumeSize()).isEqualTo(30);
            assertThat(b.ebs().snapshotId()).isNull();
        });

        LaunchTemplateVersion resent = ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("with-disk")
                .sourceVersion("1").launchTemplateData(d -> d.userData(base64("#!/bin/bash\n"))
                        .blockDeviceMappings(b -> b.deviceName("/dev/xvda")
                                .ebs(e -> e.snapshotId("snap-0123456789abcdef0").volumeSize(30).volumeType("gp3")))))
                .launchTemplateVersion();
        assertThat(resent.launchTemplateData().blockDeviceMappings().get(0).ebs().snapshotId())
                .isEqualTo("snap-0123456789abcdef0");
        assertThat(standIn.ec2().launchTemplate("with-disk").version(1).orElseThrow().data().toString())
                .contains("snap-0123456789abcdef0");
    }

    @Test
    void seededMetadataOptionsLeaveOutTheMembersGivenAsNull() {
        standIn.ec2().createLaunchTemplate(TemplateSpec.named("imds-optional").metadataOptions("optional", null));
        LaunchTemplateVersion v = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("imds-optional"))
                .launchTemplateVersions().get(0);
        assertThat(v.launchTemplateData().metadataOptions().httpTokensAsString()).isEqualTo("optional");
        assertThat(v.launchTemplateData().metadataOptions().httpPutResponseHopLimit()).isNull();
    }

    @Test
    void defaultAndLatestAliasesAndVersionRangesSelectVersions() {
        for (int n = 2; n <= 5; n++) {
            standIn.ec2().createVersion("capstan", "#!/bin/bash\necho v" + n + "\n", "v" + n);
        }
        ec2.modifyLaunchTemplate(r -> r.launchTemplateName("capstan").defaultVersion("3"));

        assertThat(ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("capstan").versions("$Default", "$Latest"))
                .launchTemplateVersions()).extracting(LaunchTemplateVersion::versionNumber).containsExactly(5L, 3L);
        assertThat(ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("capstan").minVersion("2").maxVersion("4"))
                .launchTemplateVersions()).extracting(LaunchTemplateVersion::versionNumber).containsExactly(4L, 3L, 2L);
        assertThat(ec2.describeLaunchTemplates(r -> r.launchTemplateNames("capstan")).launchTemplates().get(0)
                .defaultVersionNumber()).isEqualTo(3L);
    }

    @Test
    void versionsPaginateWithMaxResultsAndNextToken() {
        for (int n = 2; n <= 7; n++) {
            standIn.ec2().createVersion("capstan", null, "v" + n);
        }
        List<Long> seen = new ArrayList<>();
        ec2.describeLaunchTemplateVersionsPaginator(r -> r.launchTemplateName("capstan").maxResults(3))
                .stream().forEach(page -> {
                    assertThat(page.launchTemplateVersions().size()).isLessThanOrEqualTo(3);
                    page.launchTemplateVersions().forEach(v -> seen.add(v.versionNumber()));
                });
        assertThat(seen).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(standIn.calls("DescribeLaunchTemplateVersions")).hasSize(3);
    }

    @Test
    void deletingVersionsReportsEachOneAndNeverDeletesTheDefault() {
        standIn.ec2().createVersion("capstan", null, "v2");
        standIn.ec2().createVersion("capstan", null, "v3");

        DeleteLaunchTemplateVersionsResponse r = ec2.deleteLaunchTemplateVersions(d -> d.launchTemplateName("capstan")
                .versions("1", "2", "9"));

        assertThat(r.successfullyDeletedLaunchTemplateVersions()).singleElement()
                .satisfies(s -> assertThat(s.versionNumber()).isEqualTo(2L));
        assertThat(r.unsuccessfullyDeletedLaunchTemplateVersions())
                .extracting(f -> f.versionNumber() + " " + f.responseError().codeAsString())
                .containsExactly("1 unexpectedError", "9 launchTemplateVersionDoesNotExist");
        assertThat(standIn.ec2().launchTemplate("capstan").versions())
                .extracting(LaunchTemplateVersionView::versionNumber).containsExactly(1L, 3L);
    }

    @Test
    void deleteVersionsRefusesMoreThanTwoHundredVersionsInOneCall() {
        standIn.ec2().createVersion("capstan", null, "v2");
        List<String> tooMany = new ArrayList<>();
        for (int n = 2; n <= 202; n++) {
            tooMany.add(Integer.toString(n));
        }
        assertThatThrownBy(() -> ec2.deleteLaunchTemplateVersions(d -> d.launchTemplateName("capstan").versions(tooMany)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidParameterValue"));
        assertThat(standIn.ec2().launchTemplate("capstan").versions()).hasSize(2);

        assertThat(ec2.deleteLaunchTemplateVersions(d -> d.launchTemplateName("capstan").versions(tooMany.subList(0, 200)))
                .successfullyDeletedLaunchTemplateVersions()).hasSize(1);
    }

    @Test
    void modifyingTheDefaultToAMissingVersionFails() {
        assertThatThrownBy(() -> ec2.modifyLaunchTemplate(r -> r.launchTemplateName("capstan").defaultVersion("4")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidLaunchTemplateId.VersionNotFound"));
        assertThat(standIn.ec2().launchTemplate("capstan").defaultVersionNumber()).isEqualTo(1);
    }

    @Test
    void userDataBytesSurviveTheRoundTrip() {
        String text = "#!/bin/bash\nIMAGE='a&b<c>\"d\"'\n";
        ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.userData(base64(text))));
        String back = ec2.describeLaunchTemplateVersions(r -> r.launchTemplateName("capstan").versions("2"))
                .launchTemplateVersions().get(0).launchTemplateData().userData();
        assertThat(SdkBytes.fromByteArray(Base64.getDecoder().decode(back)).asUtf8String()).isEqualTo(text);
    }

    @Test
    void networkInterfacesBlockDevicesAndMonitoringRoundTrip() {
        LaunchTemplateVersion v = ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.monitoring(m -> m.enabled(true))
                        .networkInterfaces(n -> n.deviceIndex(0).subnetId("subnet-0abc").associatePublicIpAddress(false)
                                .groups("sg-0aaa", "sg-0bbb"))
                        .blockDeviceMappings(b -> b.deviceName("/dev/xvda")
                                .ebs(e -> e.volumeSize(30).volumeType("gp3").encrypted(true).deleteOnTermination(true)))))
                .launchTemplateVersion();
        assertThat(v.launchTemplateData().monitoring().enabled()).isTrue();
        assertThat(v.launchTemplateData().networkInterfaces()).singleElement().satisfies(n -> {
            assertThat(n.deviceIndex()).isZero();
            assertThat(n.subnetId()).isEqualTo("subnet-0abc");
            assertThat(n.associatePublicIpAddress()).isFalse();
            assertThat(n.groups()).containsExactly("sg-0aaa", "sg-0bbb");
        });
        assertThat(v.launchTemplateData().blockDeviceMappings()).singleElement().satisfies(b -> {
            assertThat(b.deviceName()).isEqualTo("/dev/xvda");
            assertThat(b.ebs().volumeSize()).isEqualTo(30);
            assertThat(b.ebs().volumeTypeAsString()).isEqualTo("gp3");
            assertThat(b.ebs().encrypted()).isTrue();
        });
    }

    @Test
    void aDeletedVersionsNumberIsNeverReused() {
        standIn.ec2().createVersion("capstan", null, "v2");
        ec2.deleteLaunchTemplateVersions(d -> d.launchTemplateName("capstan").versions("2"));
        assertThat(ec2.createLaunchTemplateVersion(r -> r.launchTemplateName("capstan").sourceVersion("1")
                .launchTemplateData(d -> d.imageId("ami-0fff"))).launchTemplateVersion().versionNumber()).isEqualTo(3L);
    }
}
