package dev.capstan.standin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one launch template version. {@code data} is the LaunchTemplateData keyed by the SDK's member names
 * (ImageId, InstanceType, UserData, IamInstanceProfile{Arn,Name}, MetadataOptions{...},
 * TagSpecifications[{ResourceType, Tags[{Key,Value}]}], SecurityGroupIds[...], ...), as plain maps, lists and strings.
 */
public record LaunchTemplateVersionView(String launchTemplateId, String launchTemplateName, long versionNumber,
                                        String versionDescription, boolean defaultVersion, Instant createTime,
                                        Map<String, Object> data) {

    /** User data as stored: base64. */
    public String userData() {
        return (String) data.get("UserData");
    }

    /** User data decoded from base64 as UTF-8 text, or {@code null} when the version has none. */
    public String userDataText() {
        String encoded = userData();
        return encoded == null ? null : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    public String imageId() {
        return (String) data.get("ImageId");
    }

    public String instanceType() {
        return (String) data.get("InstanceType");
    }

    /** Tags the version puts on instances (TagSpecifications with ResourceType {@code instance}). */
    @SuppressWarnings("unchecked")
    public Map<String, String> instanceTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        Object specs = data.get("TagSpecifications");
        if (specs instanceof List<?> list) {
            for (Object spec : list) {
                Map<String, Object> s = (Map<String, Object>) spec;
                if ("instance".equals(s.get("ResourceType")) && s.get("Tags") instanceof List<?> ts) {
                    for (Object t : ts) {
                        Map<String, Object> tag = (Map<String, Object>) t;
                        tags.put((String) tag.get("Key"), (String) tag.get("Value"));
                    }
                }
            }
        }
        return tags;
    }
}
