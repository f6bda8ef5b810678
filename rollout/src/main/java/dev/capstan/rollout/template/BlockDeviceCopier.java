package dev.capstan.rollout.template;

import java.util.List;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateBlockDeviceMappingRequest;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateEbsBlockDeviceRequest;

/**
 * Turns the block-device mappings a version reports back into the request form, member for member. A new version
 * made with SourceVersion loses the source's snapshots unless they are sent again (botocore ec2 2016-11-15,
 * {@code CreateLaunchTemplateVersionRequest.SourceVersion}: "Snapshots applied to the block device mapping are
 * ignored when creating a new version unless they are explicitly included").
 */
final class BlockDeviceCopier {
    private BlockDeviceCopier() {
    }

    static List<LaunchTemplateBlockDeviceMappingRequest> asRequest(List<LaunchTemplateBlockDeviceMapping> mappings) {
        return mappings.stream().map(m -> LaunchTemplateBlockDeviceMappingRequest.builder()
                .deviceName(m.deviceName())
                .virtualName(m.virtualName())
                .noDevice(m.noDevice())
                .ebs(m.ebs() == null ? null : ebs(m.ebs()))
                .build()).toList();
    }

    private static LaunchTemplateEbsBlockDeviceRequest ebs(LaunchTemplateEbsBlockDevice e) {
        return LaunchTemplateEbsBlockDeviceRequest.builder()
                .encrypted(e.encrypted())
                .deleteOnTermination(e.deleteOnTermination())
                .iops(e.iops())
                .kmsKeyId(e.kmsKeyId())
                .snapshotId(e.snapshotId())
                .volumeSize(e.volumeSize())
                .volumeType(e.volumeTypeAsString())
                .throughput(e.throughput())
                .volumeInitializationRate(e.volumeInitializationRate())
                .ebsCardIndex(e.ebsCardIndex())
                .build();
    }
}
