package dev.capstan.rollout.template;

import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData;

/** Reads launch templates and their versions (read-only, all pages). */
public final class LaunchTemplateReader {
    private final Ec2Client ec2;

    public LaunchTemplateReader(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    /** @param id the template id, or null to look it up by {@code name} */
    public TemplateInfo describe(String id, String name) {
        String label = id != null ? id : name;
        LaunchTemplate template = AwsCall.run("ec2:DescribeLaunchTemplates", () -> {
            try {
                DescribeLaunchTemplatesRequest.Builder request = DescribeLaunchTemplatesRequest.builder();
                if (id != null) {
                    request.launchTemplateIds(id);
                } else {
                    request.launchTemplateNames(name);
                }
                return ec2.describeLaunchTemplates(request.build()).launchTemplates().stream().findFirst().orElse(null);
            } catch (AwsServiceException e) {
                if (isNotFound(e)) {
                    return null;
                }
                throw e;
            }
        });
        if (template == null) {
            throw RolloutException.invalid("The launch template '" + label
                    + "' does not exist in this account and region; check the group's launch template or --launch-template.");
        }
        return new TemplateInfo(template.launchTemplateId(), template.launchTemplateName(),
                template.defaultVersionNumber(), template.latestVersionNumber());
    }

    public TemplateVersion version(String templateId, long number) {
        List<LaunchTemplateVersion> found = AwsCall.run("ec2:DescribeLaunchTemplateVersions", () ->
                ec2.describeLaunchTemplateVersions(r -> r.launchTemplateId(templateId).versions(Long.toString(number)))
                        .launchTemplateVersions());
        return found.stream().findFirst().map(LaunchTemplateReader::toVersion).orElseThrow(() ->
                RolloutException.invalid("Version " + number + " of launch template " + templateId + " does not exist."));
    }

    /** Every version, newest first. */
    public List<TemplateVersion> versions(String templateId) {
        List<TemplateVersion> out = AwsCall.run("ec2:DescribeLaunchTemplateVersions", () -> {
            List<TemplateVersion> all = new ArrayList<>();
            ec2.describeLaunchTemplateVersionsPaginator(r -> r.launchTemplateId(templateId).maxResults(200))
                    .launchTemplateVersions().forEach(v -> all.add(toVersion(v)));
            return all;
        });
        out.sort(Comparator.comparingLong(TemplateVersion::number).reversed());
        return out;
    }

    private static TemplateVersion toVersion(LaunchTemplateVersion v) {
        ResponseLaunchTemplateData data = v.launchTemplateData() == null
                ? ResponseLaunchTemplateData.builder().build() : v.launchTemplateData();
        var imds = data.metadataOptions();
        return new TemplateVersion(v.versionNumber(), v.versionDescription(), Boolean.TRUE.equals(v.defaultVersion()),
                v.createTime(), data.userData(), data.tagSpecifications(), data.imageId(),
                imds == null ? null : imds.httpTokensAsString(), imds == null ? null : imds.httpPutResponseHopLimit(),
                data.blockDeviceMappings());
    }

    static boolean isNotFound(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        return code.startsWith("InvalidLaunchTemplateName.NotFound") || code.startsWith("InvalidLaunchTemplateId.NotFound")
                || code.startsWith("InvalidLaunchTemplateId.Malformed");
    }
}
