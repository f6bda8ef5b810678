package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ArchitectureValues;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2ImagesApiTest {

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final Ec2Client ec2 = AWS.ec2();

    @Test
    void theDefaultTemplateImageIsRegisteredAsX86() {
        Image image = ec2.describeImages(r -> r.imageIds("ami-0123456789abcdef0")).images().get(0);
        assertThat(image.imageId()).isEqualTo("ami-0123456789abcdef0");
        assertThat(image.architecture()).isEqualTo(ArchitectureValues.X86_64);
        assertThat(image.state()).isEqualTo(ImageState.AVAILABLE);
        assertThat(image.name()).isNotBlank();
        assertThat(image.ownerId()).isEqualTo("123456789012");
    }

    @Test
    void registeredImagesReportTheirArchitecture() {
        standIn.ec2().registerImage("ami-0fedcba9876543210", "arm64");
        assertThat(ec2.describeImages(r -> r.imageIds("ami-0fedcba9876543210", "ami-0123456789abcdef0")).images())
                .extracting(i -> i.imageId() + " " + i.architectureAsString())
                .containsExactly("ami-0fedcba9876543210 arm64", "ami-0123456789abcdef0 x86_64");
    }

    @Test
    void anUnknownImageIsNotFoundAndAMalformedIdIsMalformed() {
        assertThatThrownBy(() -> ec2.describeImages(r -> r.imageIds("ami-0aaaaaaaaaaaaaaaa")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidAMIID.NotFound"))
                .hasMessageContaining("ami-0aaaaaaaaaaaaaaaa");
        assertThatThrownBy(() -> ec2.describeImages(r -> r.imageIds("resolve:ssm:/aws/service/ami")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("InvalidAMIID.Malformed"));
    }

    @Test
    void registeringRefusesAnArchitectureEc2DoesNotHave() {
        assertThatThrownBy(() -> standIn.ec2().registerImage("ami-0fedcba9876543210", "amd64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x86_64");
    }
}
