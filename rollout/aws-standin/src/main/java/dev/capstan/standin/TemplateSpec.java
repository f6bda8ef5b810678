package dev.capstan.standin;

import dev.capstan.standin.state.DataTrees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to seed as a launch template's version 1. Defaults: image ami-0123456789abcdef0, t3.small, instance profile
 * {@code capstan-instance}, IMDSv2 required with hop limit 1, security group sg-0123456789abcdef0, instance tag
 * Name=&lt;template name&gt;, no block-device mappings. User data is given as text; it is stored base64-encoded, as EC2 stores it.
 */
public final class TemplateSpec {

    private final String name;
    private String userDataText;
    private String versionDescription;
    private String imageId = "ami-0123456789abcdef0";
    private String instanceType = "t3.small";
    private String instanceProfileName = "capstan-instance";
    private List<String> securityGroupIds = List.of("sg-0123456789abcdef0");
    private final Map<String, String> instanceTags = new LinkedHashMap<>();
    private String httpTokens = "required";
    private Integer hopLimit = 1;
    private final List<Map<String, Object>> blockDevices = new ArrayList<>();

    private TemplateSpec(String name) {
        this.name = name;
        instanceTags.put("Name", name);
    }

    public static TemplateSpec named(String name) {
        if (name == null || name.length() < 3 || name.length() > 128) {
            throw new IllegalArgumentException("a launch template name has 3 to 128 characters; got " + name);
        }
        return new TemplateSpec(name);
    }

    public TemplateSpec userData(String text) { this.userDataText = text; return this; }
    public TemplateSpec versionDescription(String description) { this.versionDescription = description; return this; }
    public TemplateSpec imageId(String id) { this.imageId = id; return this; }
    public TemplateSpec instanceType(String type) { this.instanceType = type; return this; }
    public TemplateSpec instanceProfileName(String profile) { this.instanceProfileName = profile; return this; }
    public TemplateSpec securityGroupIds(String... ids) { this.securityGroupIds = List.of(ids); return this; }
    public TemplateSpec instanceTag(String key, String value) { instanceTags.put(key, value); return this; }

    /** MetadataOptions HttpTokens and HttpPutResponseHopLimit; {@code null} leaves that member out of the version. */
    public TemplateSpec metadataOptions(String httpTokens, Integer hopLimit) {
        this.httpTokens = httpTokens;
        this.hopLimit = hopLimit;
        return this;
    }

    /** Adds an EBS block-device mapping; {@code snapshotId} may be {@code null} (an empty volume). */
    public TemplateSpec blockDevice(String deviceName, String snapshotId, int sizeGiB, String volumeType) {
        Map<String, Object> ebs = new LinkedHashMap<>();
        if (snapshotId != null) {
            ebs.put("SnapshotId", snapshotId);
        }
        ebs.put("VolumeSize", Integer.toString(sizeGiB));
        ebs.put("VolumeType", volumeType);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("DeviceName", deviceName);
        mapping.put("Ebs", ebs);
        blockDevices.add(mapping);
        return this;
    }

    public String name() { return name; }
    public String userDataText() { return userDataText; }
    public String versionDescription() { return versionDescription; }

    /** The version's LaunchTemplateData in SDK member names (user data still as text, not yet encoded). */
    public Map<String, Object> dataWithoutUserData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ImageId", imageId);
        data.put("InstanceType", instanceType);
        if (instanceProfileName != null) {
            data.put("IamInstanceProfile", Map.of("Name", instanceProfileName));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (httpTokens != null) {
            metadata.put("HttpTokens", httpTokens);
        }
        if (hopLimit != null) {
            metadata.put("HttpPutResponseHopLimit", hopLimit.toString());
        }
        metadata.put("HttpEndpoint", "enabled");
        data.put("MetadataOptions", metadata);
        if (!blockDevices.isEmpty()) {
            data.put("BlockDeviceMappings", DataTrees.deepCopyList(blockDevices));
        }
        data.put("SecurityGroupIds", new ArrayList<>(securityGroupIds));
        List<Object> tags = new ArrayList<>();
        instanceTags.forEach((k, v) -> tags.add(Map.of("Key", k, "Value", v)));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ResourceType", "instance");
        spec.put("Tags", tags);
        data.put("TagSpecifications", new ArrayList<>(List.of(spec)));
        return data;
    }
}
