package dev.capstan.rollout.template;

import dev.capstan.rollout.aws.AwsCall;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.RequestLaunchTemplateData;

/**
 * Creates version N from the version the group runs, with SourceVersion, so everything the Service stack or the team
 * configured (instance type, network, IMDS settings, roles) carries over and only user-data, description and our tag
 * change; block-device mappings are sent again when the source has snapshots, which SourceVersion would drop.
 */
public final class LaunchTemplateVersionWriter {
    private final Ec2Client ec2;
    private final InstanceTagMerger tags = new InstanceTagMerger();

    public LaunchTemplateVersionWriter(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    public long create(String templateId, TemplateVersion source, ImageDescription image, String userDataBase64) {
        RequestLaunchTemplateData.Builder data = RequestLaunchTemplateData.builder()
                .userData(userDataBase64)
                .tagSpecifications(tags.merge(source.tagSpecifications(), image.tag()));
        if (source.hasSnapshots()) {
            data.blockDeviceMappings(BlockDeviceCopier.asRequest(source.blockDeviceMappings()));
        }
        CreateLaunchTemplateVersionResponse response = AwsCall.run("ec2:CreateLaunchTemplateVersion", () ->
                ec2.createLaunchTemplateVersion(r -> r.launchTemplateId(templateId)
                        .sourceVersion(Long.toString(source.number()))
                        .versionDescription(image.text())
                        .launchTemplateData(data.build())));
        return response.launchTemplateVersion().versionNumber();
    }
}
