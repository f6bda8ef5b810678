package dev.capstan.rollout.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecification;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateTagSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

class InstanceTagMergerTest {
    private final InstanceTagMerger merger = new InstanceTagMerger();

    @Test
    void keepsEverySourceTagSpecificationAndReplacesOnlyTheImageTag() {
        List<LaunchTemplateTagSpecification> source = List.of(
                spec("instance", tag("Name", "capstan-web"), tag("capstan:image-tag", "abc1234"), tag("team", "api")),
                spec("volume", tag("backup", "daily")));

        List<LaunchTemplateTagSpecificationRequest> merged = merger.merge(source, "def5678");

        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).resourceTypeAsString()).isEqualTo("instance");
        assertThat(merged.get(0).tags()).extracting(Tag::key, Tag::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Name", "capstan-web"),
                org.assertj.core.groups.Tuple.tuple("team", "api"),
                org.assertj.core.groups.Tuple.tuple("capstan:image-tag", "def5678"));
        assertThat(merged.get(1).resourceTypeAsString()).isEqualTo("volume");
        assertThat(merged.get(1).tags()).extracting(Tag::key).containsExactly("backup");
    }

    @Test
    void addsAnInstanceSpecificationWhenTheSourceHasNone() {
        List<LaunchTemplateTagSpecificationRequest> merged = merger.merge(List.of(spec("volume", tag("a", "b"))), "def5678");

        assertThat(merged).extracting(LaunchTemplateTagSpecificationRequest::resourceTypeAsString)
                .containsExactly("volume", "instance");
        assertThat(merged.get(1).tags()).containsExactly(tag("capstan:image-tag", "def5678"));
    }

    private static LaunchTemplateTagSpecification spec(String type, Tag... tags) {
        return LaunchTemplateTagSpecification.builder().resourceType(type).tags(tags).build();
    }

    private static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }
}
