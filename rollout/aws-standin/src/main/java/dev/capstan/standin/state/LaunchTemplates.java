package dev.capstan.standin.state;

import dev.capstan.standin.AwsError;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** EC2 launch templates and their versions, with EC2's rules for versions and user data. */
public final class LaunchTemplates {

    /**
     * EC2 rejects user data above 16 KB, counted on the raw bytes before base64 encoding (so the base64 text may be
     * up to 21,848 characters): "User data is limited to 16 KB, in raw form, before it is base64-encoded"
     * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html).
     */
    public static final int MAX_USER_DATA_BYTES = 16 * 1024;

    public static final class Version {
        public final long number;
        public final String description;
        public final Instant createTime;
        public final Map<String, Object> data;

        Version(long number, String description, Instant createTime, Map<String, Object> data) {
            this.number = number;
            this.description = description;
            this.createTime = createTime;
            this.data = data;
        }
    }

    public static final class Template {
        public final String id;
        public final String name;
        public final Instant createTime;
        public final TreeMap<Long, Version> versions = new TreeMap<>();
        public long defaultVersion = 1;
        public long latestVersion;
        /** Version numbers are never reused, even after the newest version is deleted. */
        long lastNumber;

        Template(String id, String name, Instant createTime) {
            this.id = id;
            this.name = name;
            this.createTime = createTime;
        }

        /** Resolves "$Default", "$Latest" or a number to an existing version. */
        public Optional<Version> resolve(String version) {
            if (version == null || version.equals("$Default")) {
                return Optional.ofNullable(versions.get(defaultVersion));
            }
            if (version.equals("$Latest")) {
                return Optional.ofNullable(versions.get(latestVersion));
            }
            try {
                return Optional.ofNullable(versions.get(Long.parseLong(version)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Map<String, Template> byName = new LinkedHashMap<>();
    private final Ids ids;

    public LaunchTemplates(Ids ids) {
        this.ids = ids;
    }

    public List<Template> all() {
        return new ArrayList<>(byName.values());
    }

    public Optional<Template> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<Template> byId(String id) {
        return byName.values().stream().filter(t -> t.id.equals(id)).findFirst();
    }

    /** Finds the template named by exactly one of id and name, with EC2's error codes. */
    public Template find(String id, String name) {
        if (id != null && name != null) {
            throw new AwsError("InvalidParameterCombination", 400,
                    "Specify either the launch template ID or the launch template name, but not both.");
        }
        if (id != null) {
            if (!id.matches("lt-[0-9a-f]{17}")) {
                throw new AwsError("InvalidLaunchTemplateId.Malformed", 400,
                        "The specified ID for the launch template (" + id + ") is not valid.");
            }
            return byId(id).orElseThrow(() -> notFoundById(id));
        }
        if (name != null) {
            return byName(name).orElseThrow(LaunchTemplates::notFoundByName);
        }
        throw new AwsError("MissingParameter", 400, "The request must contain the parameter launchTemplateName or launchTemplateId");
    }

    public static AwsError notFoundById(String id) {
        return new AwsError("InvalidLaunchTemplateId.NotFound", 400,
                "The specified launch template, with template ID " + id + ", does not exist.");
    }

    public static AwsError notFoundByName() {
        return new AwsError("InvalidLaunchTemplateName.NotFoundException", 400,
                "At least one of the launch templates specified in the request does not exist.");
    }

    public static AwsError versionNotFound(Template t, String version) {
        return new AwsError("InvalidLaunchTemplateId.VersionNotFound", 400,
                "Could not find launch template version " + version + " for launch template with ID " + t.id + ".");
    }

    public Template create(String name, String description, Map<String, Object> data, Instant now) {
        if (byName.containsKey(name)) {
            throw new AwsError("InvalidLaunchTemplateName.AlreadyExistsException", 400,
                    "Launch template name already in use.");
        }
        checkUserData(data);
        Template t = new Template(ids.nextLaunchTemplateId(), name, now);
        t.versions.put(1L, new Version(1, description, now, data));
        t.latestVersion = 1;
        t.lastNumber = 1;
        t.defaultVersion = 1;
        byName.put(name, t);
        return t;
    }

    /**
     * Adds a version. With a source version, the new data is the source's data with the given members replacing
     * the source's (top-level members replaced whole, lists included), as EC2 does; inherited block-device mappings
     * lose their snapshots unless the request sends BlockDeviceMappings again.
     */
    public Version createVersion(Template t, String sourceVersion, String description, Map<String, Object> given,
                                 Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (sourceVersion != null) {
            Version source = t.resolve(sourceVersion).orElseThrow(() -> versionNotFound(t, sourceVersion));
            data.putAll(DataTrees.deepCopy(source.data));
            if (!given.containsKey("BlockDeviceMappings")) {
                dropInheritedSnapshots(data);
            }
        }
        data.putAll(DataTrees.deepCopy(given));
        checkUserData(data);
        long number = t.lastNumber + 1;
        t.lastNumber = number;
        Version v = new Version(number, description, now, data);
        t.versions.put(number, v);
        t.latestVersion = number;
        return v;
    }

    /**
     * "Snapshots applied to the block device mapping are ignored when creating a new version unless they are
     * explicitly included." (botocore/data/ec2/2016-11-15/service-2.json, shape CreateLaunchTemplateVersionRequest,
     * member SourceVersion): the mappings are inherited, their Ebs.SnapshotId is not.
     */
    @SuppressWarnings("unchecked")
    private static void dropInheritedSnapshots(Map<String, Object> data) {
        if (data.get("BlockDeviceMappings") instanceof List<?> mappings) {
            for (Object mapping : mappings) {
                if (((Map<String, Object>) mapping).get("Ebs") instanceof Map<?, ?> ebs) {
                    ((Map<String, Object>) ebs).remove("SnapshotId");
                }
            }
        }
    }

    public void setDefault(Template t, String version) {
        Version v = t.resolve(version).orElseThrow(() -> versionNotFound(t, version));
        t.defaultVersion = v.number;
    }

    /**
     * EC2's user data rules: valid base64 whose decoded bytes are at most 16 KB. CreateLaunchTemplate(Version)
     * answers both failures with {@code InvalidUserData.Malformed} (the size one with "User data is limited to 16384
     * bytes."), as AWS answered a CreateLaunchTemplateVersion in
     * https://github.com/github-aws-runners/terraform-aws-github-runner/issues/3700; RunInstances says
     * {@code InvalidParameterValue} for the same size, which is not what launch templates get.
     */
    public static void checkUserData(Map<String, Object> data) {
        Object userData = data.get("UserData");
        if (userData == null) {
            return;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(userData.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new AwsError("InvalidUserData.Malformed", 400, "Invalid BASE64 encoding of user data.");
        }
        if (decoded.length > MAX_USER_DATA_BYTES) {
            throw new AwsError("InvalidUserData.Malformed", 400,
                    "User data is limited to " + MAX_USER_DATA_BYTES + " bytes.");
        }
    }
}
