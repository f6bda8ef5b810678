package dev.capstan.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.BatchGetImageResponse;
import software.amazon.awssdk.services.ecr.model.EcrException;
import software.amazon.awssdk.services.ecr.model.Image;
import software.amazon.awssdk.services.ecr.model.ImageDetail;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;
import software.amazon.awssdk.services.ecr.model.Repository;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EcrApiTest {

    private static final String FIRST = SdkClients.digest('a');
    private static final String SECOND = SdkClients.digest('b');

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final EcrClient ecr = AWS.ecr();

    @BeforeEach
    void world() {
        standIn.ecr().putImage("capstan", "abc1234", FIRST, 187_000_000L);
        standIn.clock().advance(Duration.ofMinutes(3));
        standIn.ecr().putImage("capstan", "def5678", SECOND);
    }

    @Test
    void describeImagesResolvesATagToItsDigest() {
        ImageDetail image = ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageTag("abc1234")))
                .imageDetails().get(0);
        assertThat(image.imageDigest()).isEqualTo(FIRST);
        assertThat(image.imageTags()).containsExactly("abc1234");
        assertThat(image.registryId()).isEqualTo("123456789012");
        assertThat(image.repositoryName()).isEqualTo("capstan");
        assertThat(image.imageSizeInBytes()).isEqualTo(187_000_000L);
        assertThat(image.imagePushedAt()).isEqualTo(standIn.clock().instant().minus(Duration.ofMinutes(3)));
    }

    @Test
    void describeImagesFindsAnImageByDigest() {
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageDigest(SECOND)))
                .imageDetails()).singleElement().satisfies(d -> assertThat(d.imageTags()).containsExactly("def5678"));
    }

    @Test
    void aMissingTagOrRepositoryIsItsOwnException() {
        assertThatThrownBy(() -> ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageTag("nope"))))
                .isInstanceOf(ImageNotFoundException.class)
                .satisfies(e -> assertThat(((EcrException) e).awsErrorDetails().errorCode()).isEqualTo("ImageNotFoundException"))
                .hasMessageContaining("imageTag:'nope'");
        assertThatThrownBy(() -> ecr.describeImages(r -> r.repositoryName("other").imageIds(i -> i.imageTag("abc1234"))))
                .isInstanceOf(RepositoryNotFoundException.class)
                .hasMessageContaining("'other'");
    }

    @Test
    void imagesPaginate() {
        for (char c : "cdef01".toCharArray()) {
            standIn.ecr().putImage("capstan", "tag-" + c, SdkClients.digest(c));
        }
        List<String> digests = new ArrayList<>();
        ecr.describeImagesPaginator(r -> r.repositoryName("capstan").maxResults(3)).imageDetails()
                .forEach(d -> digests.add(d.imageDigest()));
        assertThat(digests).hasSize(8).doesNotHaveDuplicates();
        assertThat(standIn.calls("DescribeImages")).hasSize(3);
    }

    @Test
    void repositoriesReportTheirUriOnTheConfiguredRegistryHost() {
        Repository repo = ecr.describeRepositories(r -> r.repositoryNames("capstan")).repositories().get(0);
        assertThat(repo.repositoryUri()).isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/capstan");
        assertThat(repo.repositoryArn()).isEqualTo("arn:aws:ecr:eu-west-1:123456789012:repository/capstan");
        assertThat(repo.imageTagMutabilityAsString()).isEqualTo("IMMUTABLE");

        standIn.ecr().setRegistryHost("127.0.0.1:5000");
        assertThat(ecr.describeRepositories(r -> r.repositoryNames("capstan")).repositories().get(0).repositoryUri())
                .isEqualTo("127.0.0.1:5000/capstan");
        assertThatThrownBy(() -> ecr.describeRepositories(r -> r.repositoryNames("nope")))
                .isInstanceOf(RepositoryNotFoundException.class);
    }

    @Test
    void aChinaRegionRegistryHostShowsInTheRepositoryUri() {
        standIn.ecr().setRegistryHost("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn");
        assertThat(ecr.describeRepositories(r -> r.repositoryNames("capstan")).repositories().get(0).repositoryUri())
                .isEqualTo("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/capstan");
    }

    @Test
    void listingShowsOnlyActiveImagesUnlessTheFilterAsksForOthers() {
        standIn.ecr().setImageStatus("capstan", SECOND, "ARCHIVED");

        assertThat(ecr.describeImages(r -> r.repositoryName("capstan")).imageDetails())
                .extracting(ImageDetail::imageDigest).containsExactly(FIRST);
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").filter(f -> f.imageStatus("ARCHIVED")))
                .imageDetails()).singleElement().satisfies(d -> {
                    assertThat(d.imageDigest()).isEqualTo(SECOND);
                    assertThat(d.imageStatusAsString()).isEqualTo("ARCHIVED");
                    assertThat(d.lastArchivedAt()).isEqualTo(standIn.clock().instant());
                });
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").filter(f -> f.imageStatus("ANY"))).imageDetails())
                .hasSize(2);
    }

    @Test
    void anArchivedImageAskedForByTagIsDescribedWithItsStatusButCannotBePulled() {
        standIn.ecr().setImageStatus("capstan", SECOND, "ARCHIVED");

        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageTag("def5678")))
                .imageDetails()).singleElement()
                .satisfies(d -> assertThat(d.imageStatusAsString()).isEqualTo("ARCHIVED"));
        BatchGetImageResponse pulled = ecr.batchGetImage(b -> b.repositoryName("capstan")
                .imageIds(i -> i.imageTag("def5678")));
        assertThat(pulled.images()).isEmpty();
        assertThat(pulled.failures()).singleElement()
                .satisfies(f -> assertThat(f.failureCodeAsString()).isEqualTo("ImageNotFound"));

        standIn.ecr().setImageStatus("capstan", SECOND, "ACTIVATING");
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").filter(f -> f.imageStatus("ACTIVATING")))
                .imageDetails()).extracting(ImageDetail::imageDigest).containsExactly(SECOND);
    }

    @Test
    void anImageIndexIsDescribedAsAnIndexAndBatchGetImageReturnsItsPlatforms() throws Exception {
        String index = SdkClients.digest('c');
        standIn.ecr().putImageIndex("capstan", "multi", index, List.of("linux/amd64", "linux/arm64/v8"));

        ImageDetail detail = ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageTag("multi")))
                .imageDetails().get(0);
        assertThat(detail.imageManifestMediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");

        Image image = ecr.batchGetImage(b -> b.repositoryName("capstan").imageIds(i -> i.imageTag("multi"))
                .acceptedMediaTypes("application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.oci.image.index.v1+json")).images().get(0);
        assertThat(image.imageManifestMediaType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        JsonNode manifest = new ObjectMapper().readTree(image.imageManifest());
        assertThat(manifest.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(manifest.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(manifest.get("manifests")).extracting(m -> m.at("/platform/os").asText() + "/"
                + m.at("/platform/architecture").asText() + (m.at("/platform").has("variant")
                ? "/" + m.at("/platform/variant").asText() : ""))
                .containsExactly("linux/amd64", "linux/arm64/v8");

        String amd64 = manifest.at("/manifests/0/digest").asText();
        assertThat(ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageDigest(amd64)))
                .imageDetails()).singleElement().satisfies(d -> {
                    assertThat(d.imageTags()).isEmpty();
                    assertThat(d.imageManifestMediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
                });
    }

    @Test
    void anIndexIsNotReturnedToACallerThatDoesNotAcceptIndexes() {
        standIn.ecr().putImageIndex("capstan", "multi", SdkClients.digest('c'), List.of("linux/amd64"));
        BatchGetImageResponse r = ecr.batchGetImage(b -> b.repositoryName("capstan").imageIds(i -> i.imageTag("multi"))
                .acceptedMediaTypes("application/vnd.oci.image.manifest.v1+json",
                        "application/vnd.docker.distribution.manifest.v2+json"));
        assertThat(r.images()).isEmpty();
        assertThat(r.failures()).singleElement()
                .satisfies(f -> assertThat(f.failureCodeAsString()).isEqualTo("ImageNotFound"));
    }

    @Test
    void anOciImageIsConvertedForADockerOnlyCallerWhenPulledByTagButNotByDigest() {
        List<String> dockerOnly = List.of("application/vnd.docker.distribution.manifest.v2+json");
        Image byTag = ecr.batchGetImage(b -> b.repositoryName("capstan").imageIds(i -> i.imageTag("abc1234"))
                .acceptedMediaTypes(dockerOnly)).images().get(0);
        assertThat(byTag.imageManifestMediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(byTag.imageManifest()).contains("application/vnd.docker.container.image.v1+json");

        assertThat(ecr.batchGetImage(b -> b.repositoryName("capstan").imageIds(i -> i.imageDigest(FIRST))
                .acceptedMediaTypes(dockerOnly)).failures()).hasSize(1);
    }

    @Test
    void authorizationTokenIsBase64OfAwsAndThePassword() {
        standIn.ecr().setAuthorizationPassword("s3cret");
        AuthorizationData data = ecr.getAuthorizationToken().authorizationData().get(0);
        assertThat(new String(Base64.getDecoder().decode(data.authorizationToken()), StandardCharsets.UTF_8))
                .isEqualTo("AWS:s3cret");
        assertThat(data.proxyEndpoint()).isEqualTo("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com");
        assertThat(data.expiresAt()).isEqualTo(standIn.clock().instant().plus(Duration.ofHours(12)));
    }

    @Test
    void batchGetImageReturnsFoundImagesAndFailures() {
        BatchGetImageResponse r = ecr.batchGetImage(b -> b.repositoryName("capstan")
                .imageIds(i -> i.imageTag("abc1234"), i -> i.imageTag("nope")));
        assertThat(r.images()).singleElement().satisfies(i -> {
            assertThat(i.imageId().imageDigest()).isEqualTo(FIRST);
            assertThat(i.imageManifest()).contains("\"schemaVersion\":2");
        });
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.imageId().imageTag()).isEqualTo("nope");
            assertThat(f.failureCodeAsString()).isEqualTo("ImageNotFound");
        });
    }

    @Test
    void tagsAreImmutable() {
        assertThatThrownBy(() -> standIn.ecr().putImage("capstan", "abc1234", SECOND))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("immutable");
        assertThat(standIn.ecr().repository("capstan").orElseThrow().images()).hasSize(2);
    }

    @Test
    void callsAreRecordedWithFlattenedJsonParameters() {
        ecr.describeImages(r -> r.repositoryName("capstan").imageIds(i -> i.imageTag("abc1234")));
        assertThat(standIn.calls("ecr:DescribeImages")).singleElement().satisfies(c -> {
            assertThat(c.params()).containsEntry("repositoryName", "capstan").containsEntry("imageIds.1.imageTag", "abc1234");
            assertThat(c.errorCode()).isNull();
            assertThat(c.mutating()).isFalse();
        });
    }
}
