package dev.capstan.standin.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads LaunchTemplateData from EC2 Query parameters (request names, e.g. {@code TagSpecification.1.Tag.1.Key}) and
 * writes it back as EC2 XML (response names, e.g. {@code tagSpecificationSet/item/tagSet/item/key}). The data is kept
 * under the SDK's member names. The table below lists the members the stand-in understands; others are ignored.
 */
public final class LaunchTemplateDataCodec {

    private enum Kind { SCALAR, STRUCT, SCALARS, STRUCTS }

    /**
     * One member: its SDK name, its name in requests, its element in responses, the element of each list entry in
     * responses, and its children for structures.
     */
    private record Field(String member, String query, String xml, String item, Kind kind, List<Field> children) {
    }

    private static Field scalar(String member, String xml) {
        return new Field(member, member, xml, null, Kind.SCALAR, List.of());
    }

    private static Field struct(String member, String xml, Field... children) {
        return new Field(member, member, xml, null, Kind.STRUCT, List.of(children));
    }

    private static Field list(String member, String query, String xml, Field... children) {
        return new Field(member, query, xml, "item", children.length == 0 ? Kind.SCALARS : Kind.STRUCTS, List.of(children));
    }

    private static final List<Field> FIELDS = List.of(
            scalar("ImageId", "imageId"),
            scalar("InstanceType", "instanceType"),
            scalar("KeyName", "keyName"),
            scalar("UserData", "userData"),
            scalar("KernelId", "kernelId"),
            scalar("RamDiskId", "ramDiskId"),
            scalar("EbsOptimized", "ebsOptimized"),
            scalar("DisableApiTermination", "disableApiTermination"),
            scalar("DisableApiStop", "disableApiStop"),
            scalar("InstanceInitiatedShutdownBehavior", "instanceInitiatedShutdownBehavior"),
            struct("IamInstanceProfile", "iamInstanceProfile", scalar("Arn", "arn"), scalar("Name", "name")),
            struct("Monitoring", "monitoring", scalar("Enabled", "enabled")),
            struct("MetadataOptions", "metadataOptions", scalar("HttpTokens", "httpTokens"),
                    scalar("HttpPutResponseHopLimit", "httpPutResponseHopLimit"), scalar("HttpEndpoint", "httpEndpoint"),
                    scalar("HttpProtocolIpv6", "httpProtocolIpv6"), scalar("InstanceMetadataTags", "instanceMetadataTags")),
            list("SecurityGroupIds", "SecurityGroupId", "securityGroupIdSet"),
            list("SecurityGroups", "SecurityGroup", "securityGroupSet"),
            list("TagSpecifications", "TagSpecification", "tagSpecificationSet",
                    scalar("ResourceType", "resourceType"),
                    list("Tags", "Tag", "tagSet", scalar("Key", "key"), scalar("Value", "value"))),
            list("BlockDeviceMappings", "BlockDeviceMapping", "blockDeviceMappingSet",
                    scalar("DeviceName", "deviceName"), scalar("VirtualName", "virtualName"), scalar("NoDevice", "noDevice"),
                    struct("Ebs", "ebs", scalar("Encrypted", "encrypted"), scalar("DeleteOnTermination", "deleteOnTermination"),
                            scalar("Iops", "iops"), scalar("KmsKeyId", "kmsKeyId"), scalar("SnapshotId", "snapshotId"),
                            scalar("VolumeSize", "volumeSize"), scalar("VolumeType", "volumeType"),
                            scalar("Throughput", "throughput"))),
            list("NetworkInterfaces", "NetworkInterface", "networkInterfaceSet",
                    scalar("AssociatePublicIpAddress", "associatePublicIpAddress"),
                    scalar("DeleteOnTermination", "deleteOnTermination"), scalar("Description", "description"),
                    scalar("DeviceIndex", "deviceIndex"), scalar("SubnetId", "subnetId"),
                    // The one list whose response entries are not <item>: the model names them <groupId>.
                    new Field("Groups", "SecurityGroupId", "groupSet", "groupId", Kind.SCALARS, List.of())));

    private LaunchTemplateDataCodec() {
    }

    /** Reads the members present under {@code prefix} (e.g. {@code LaunchTemplateData}). */
    public static Map<String, Object> read(QueryParams q, String prefix) {
        return readFields(q, prefix + ".", FIELDS);
    }

    private static Map<String, Object> readFields(QueryParams q, String prefix, List<Field> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : fields) {
            String key = prefix + f.query();
            switch (f.kind()) {
                case SCALAR -> {
                    String v = q.get(key);
                    if (v != null) {
                        out.put(f.member(), v);
                    }
                }
                case STRUCT -> {
                    if (q.has(key)) {
                        out.put(f.member(), readFields(q, key + ".", f.children()));
                    }
                }
                case SCALARS -> {
                    List<String> values = q.strings(key);
                    if (values != null) {
                        out.put(f.member(), new ArrayList<>(values));
                    }
                }
                case STRUCTS -> {
                    List<Map<String, Object>> values = q.list(key, p -> readFields(q, p + ".", f.children()));
                    if (values != null) {
                        out.put(f.member(), new ArrayList<Object>(values));
                    }
                }
                default -> { }
            }
        }
        return out;
    }

    public static void write(Map<String, Object> data, Xml xml) {
        writeFields(data, FIELDS, xml);
    }

    @SuppressWarnings("unchecked")
    private static void writeFields(Map<String, Object> data, List<Field> fields, Xml xml) {
        for (Field f : fields) {
            Object v = data.get(f.member());
            if (v == null) {
                continue;
            }
            switch (f.kind()) {
                case SCALAR -> xml.leaf(f.xml(), v);
                case STRUCT -> {
                    xml.start(f.xml());
                    writeFields((Map<String, Object>) v, f.children(), xml);
                    if (f.member().equals("MetadataOptions")) {
                        xml.leaf("state", "applied");
                    }
                    xml.end();
                }
                case SCALARS -> {
                    xml.start(f.xml());
                    for (Object item : (List<Object>) v) {
                        xml.leaf(f.item(), item);
                    }
                    xml.end();
                }
                case STRUCTS -> {
                    xml.start(f.xml());
                    for (Object item : (List<Object>) v) {
                        xml.start(f.item());
                        writeFields((Map<String, Object>) item, f.children(), xml);
                        xml.end();
                    }
                    xml.end();
                }
                default -> { }
            }
        }
    }
}
