package dev.capstan.standin.wire;

import dev.capstan.standin.AwsError;
import dev.capstan.standin.state.Amis;
import dev.capstan.standin.state.EcrState;
import dev.capstan.standin.state.LaunchTemplates;
import dev.capstan.standin.state.LaunchTemplates.Template;
import dev.capstan.standin.state.LaunchTemplates.Version;
import dev.capstan.standin.state.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 launch templates and machine images over EC2 Query 2016-11-15: lists as {@code Name.N} requests,
 * {@code <xxxSet><item>} answers.
 */
public final class Ec2Api extends AbstractServiceApi {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    static final int MAX_VERSIONS_PER_DELETE = 200;
    private static final Set<String> ACTIONS = Set.of("DescribeLaunchTemplates", "DescribeLaunchTemplateVersions",
            "CreateLaunchTemplate", "CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "DeleteLaunchTemplateVersions",
            "DescribeImages");

    public Ec2Api(World world) {
        super("ec2", ACTIONS, world);
    }

    @Override
    public Reply invoke(String action, Request request, Instant now) {
        QueryParams q = request.query();
        Xml xml = new Xml().start(action + "Response", NAMESPACE).leaf("requestId", request.requestId());
        switch (action) {
            case "DescribeLaunchTemplates" -> describeTemplates(q, xml);
            case "DescribeLaunchTemplateVersions" -> describeVersions(q, xml);
            case "CreateLaunchTemplate" -> createTemplate(q, xml, now);
            case "CreateLaunchTemplateVersion" -> createVersion(q, xml, now);
            case "ModifyLaunchTemplate" -> modifyTemplate(q, xml);
            case "DeleteLaunchTemplateVersions" -> deleteVersions(q, xml);
            case "DescribeImages" -> describeImages(q, xml);
            default -> throw new IllegalStateException(action);
        }
        return Reply.xml(xml.end().toString());
    }

    @Override
    public Reply error(AwsError error, String requestId) {
        Xml xml = new Xml().start("Response").start("Errors").start("Error").leaf("Code", error.code())
                .leaf("Message", error.getMessage()).end().end().leaf("RequestID", requestId).end();
        return new Reply(error.httpStatus(), "text/xml", xml.toString());
    }

    private static AwsError badToken() {
        return new AwsError("InvalidPaginationToken", 400, "Invalid pagination token");
    }

    private static void maxResults(Integer max) {
        if (max != null && (max < 1 || max > 200)) {
            throw new AwsError("InvalidParameterValue", 400,
                    "Value ( " + max + " ) for parameter maxResults is invalid. Parameter must be between 1 and 200.");
        }
    }

    private void describeTemplates(QueryParams q, Xml xml) {
        List<String> ids = q.strings("LaunchTemplateId");
        List<String> names = q.strings("LaunchTemplateName");
        List<Template> found = new ArrayList<>();
        if (ids != null && !ids.isEmpty()) {
            for (String id : ids) {
                found.add(world.templates.find(id, null));
            }
        } else if (names != null && !names.isEmpty()) {
            for (String name : names) {
                found.add(world.templates.byName(name).orElseThrow(LaunchTemplates::notFoundByName));
            }
        } else {
            found.addAll(world.templates.all());
        }
        maxResults(q.integer("MaxResults"));
        Page<Template> page = Page.of(found, q.integer("MaxResults"), 200, q.get("NextToken"), Ec2Api::badToken);
        xml.list("launchTemplates", "item", page.items(), t -> writeTemplate(t, xml))
                .leaf("nextToken", page.nextToken());
    }

    private static void writeTemplate(Template t, Xml xml) {
        xml.leaf("launchTemplateId", t.id).leaf("launchTemplateName", t.name).leaf("createTime", t.createTime)
                .leaf("createdBy", "arn:aws:iam::123456789012:role/capstan-deploy")
                .leaf("defaultVersionNumber", t.defaultVersion).leaf("latestVersionNumber", t.latestVersion);
    }

    private void describeVersions(QueryParams q, Xml xml) {
        List<Template> templates = new ArrayList<>();
        String id = q.get("LaunchTemplateId");
        String name = q.get("LaunchTemplateName");
        List<String> versions = q.strings("LaunchTemplateVersion");
        if (id == null && name == null) {
            boolean aliasesOnly = versions != null && !versions.isEmpty()
                    && versions.stream().allMatch(v -> v.equals("$Latest") || v.equals("$Default"));
            if (!aliasesOnly) {
                throw new AwsError("MissingParameter", 400,
                        "The request must contain the parameter launchTemplateName or launchTemplateId");
            }
            templates.addAll(world.templates.all());
        } else {
            templates.add(world.templates.find(id, name));
        }
        Long min = version(q.get("MinVersion"));
        Long max = version(q.get("MaxVersion"));
        List<TemplateVersion> rows = new ArrayList<>();
        for (Template t : templates) {
            List<Version> chosen = new ArrayList<>();
            if (versions != null && !versions.isEmpty()) {
                for (String v : versions) {
                    Version found = t.resolve(v).orElseThrow(() -> LaunchTemplates.versionNotFound(t, v));
                    if (!chosen.contains(found)) {
                        chosen.add(found);
                    }
                }
            } else {
                chosen.addAll(t.versions.values());
            }
            chosen.removeIf(v -> (min != null && v.number < min) || (max != null && v.number > max));
            chosen.sort(Comparator.comparingLong((Version v) -> v.number).reversed());
            for (Version v : chosen) {
                rows.add(new TemplateVersion(t, v));
            }
        }
        maxResults(q.integer("MaxResults"));
        Page<TemplateVersion> page = Page.of(rows, q.integer("MaxResults"), 200, q.get("NextToken"), Ec2Api::badToken);
        xml.list("launchTemplateVersionSet", "item", page.items(),
                row -> writeVersion(row.template(), row.version(), xml)).leaf("nextToken", page.nextToken());
    }

    private record TemplateVersion(Template template, Version version) {
    }

    private static Long version(String v) {
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            throw new AwsError("InvalidParameterValue", 400, "Invalid version: " + v);
        }
    }

    private static void writeVersion(Template t, Version v, Xml xml) {
        xml.leaf("launchTemplateId", t.id).leaf("launchTemplateName", t.name).leaf("versionNumber", v.number)
                .leaf("versionDescription", v.description).leaf("createTime", v.createTime)
                .leaf("createdBy", "arn:aws:iam::123456789012:role/capstan-deploy")
                .leaf("defaultVersion", v.number == t.defaultVersion)
                .start("launchTemplateData");
        LaunchTemplateDataCodec.write(v.data, xml);
        xml.end();
    }

    private static String description(QueryParams q) {
        String d = q.get("VersionDescription");
        if (d != null && d.length() > 255) {
            throw new AwsError("InvalidParameterValue", 400,
                    "The version description must be at most 255 characters; got " + d.length() + ".");
        }
        return d;
    }

    private void createTemplate(QueryParams q, Xml xml, Instant now) {
        String name = q.require("LaunchTemplateName");
        if (name.length() < 3 || name.length() > 128) {
            throw new AwsError("InvalidLaunchTemplateName.MalformedException", 400,
                    "A launch template name must be between 3 and 128 characters.");
        }
        Template t = world.templates.create(name, description(q), LaunchTemplateDataCodec.read(q, "LaunchTemplateData"), now);
        xml.start("launchTemplate");
        writeTemplate(t, xml);
        xml.end();
    }

    private void createVersion(QueryParams q, Xml xml, Instant now) {
        Template t = world.templates.find(q.get("LaunchTemplateId"), q.get("LaunchTemplateName"));
        if (!q.has("LaunchTemplateData")) {
            throw new AwsError("MissingParameter", 400, "The request must contain the parameter LaunchTemplateData");
        }
        String description = description(q);
        Map<String, Object> given = LaunchTemplateDataCodec.read(q, "LaunchTemplateData");
        Version v = world.templates.createVersion(t, q.get("SourceVersion"), description, given, now);
        xml.start("launchTemplateVersion");
        writeVersion(t, v, xml);
        xml.end();
    }

    private void modifyTemplate(QueryParams q, Xml xml) {
        Template t = world.templates.find(q.get("LaunchTemplateId"), q.get("LaunchTemplateName"));
        String version = q.get("SetDefaultVersion");
        if (version != null) {
            world.templates.setDefault(t, version);
        }
        xml.start("launchTemplate");
        writeTemplate(t, xml);
        xml.end();
    }

    private void deleteVersions(QueryParams q, Xml xml) {
        String id = q.get("LaunchTemplateId");
        String name = q.get("LaunchTemplateName");
        List<String> versions = q.strings("LaunchTemplateVersion");
        if (versions == null || versions.isEmpty()) {
            throw new AwsError("MissingParameter", 400, "The request must contain the parameter LaunchTemplateVersion");
        }
        // "You can specify up to 200 launch template version numbers." (botocore/data/ec2/2016-11-15/service-2.json,
        // shape DeleteLaunchTemplateVersionsRequest, member Versions). AWS documents the limit but not the error of a
        // longer list; InvalidParameterValue is EC2's common code for a parameter value it does not accept.
        if (versions.size() > MAX_VERSIONS_PER_DELETE) {
            throw new AwsError("InvalidParameterValue", 400, "You can delete up to " + MAX_VERSIONS_PER_DELETE
                    + " launch template versions in a single request; got " + versions.size() + ".");
        }
        Template t = id != null ? world.templates.byId(id).orElse(null)
                : name != null ? world.templates.byName(name).orElse(null) : null;
        if (id == null && name == null) {
            throw new AwsError("MissingParameter", 400,
                    "The request must contain the parameter launchTemplateName or launchTemplateId");
        }
        List<String[]> ok = new ArrayList<>();
        List<String[]> failed = new ArrayList<>();
        for (String v : versions) {
            if (t == null) {
                failed.add(new String[] {id, name, v, id != null ? "launchTemplateIdDoesNotExist" : "launchTemplateNameDoesNotExist",
                        "The specified launch template does not exist."});
                continue;
            }
            Long number;
            try {
                number = Long.valueOf(v);
            } catch (NumberFormatException e) {
                failed.add(new String[] {t.id, t.name, v, "launchTemplateVersionDoesNotExist",
                        "The specified launch template version does not exist."});
                continue;
            }
            if (!t.versions.containsKey(number)) {
                failed.add(new String[] {t.id, t.name, v, "launchTemplateVersionDoesNotExist",
                        "The specified launch template version does not exist."});
            } else if (number == t.defaultVersion) {
                failed.add(new String[] {t.id, t.name, v, "unexpectedError",
                        "Cannot delete the default version of a launch template. Set a different default version first."});
            } else {
                t.versions.remove(number);
                ok.add(new String[] {t.id, t.name, v});
            }
        }
        if (t != null && !t.versions.containsKey(t.latestVersion)) {
            t.latestVersion = t.versions.lastKey();
        }
        xml.start("successfullyDeletedLaunchTemplateVersionSet");
        for (String[] s : ok) {
            xml.start("item").leaf("launchTemplateId", s[0]).leaf("launchTemplateName", s[1]).leaf("versionNumber", s[2]).end();
        }
        xml.end().start("unsuccessfullyDeletedLaunchTemplateVersionSet");
        for (String[] f : failed) {
            xml.start("item").leaf("launchTemplateId", f[0]).leaf("launchTemplateName", f[1])
                    .leaf("versionNumber", f[2]).start("responseError").leaf("code", f[3]).leaf("message", f[4]).end().end();
        }
        xml.end();
    }

    /**
     * DescribeImages by {@code ImageId.N}, or every image; Owners, Filters and the rest are ignored. Element names
     * are the locationNames of botocore/data/ec2/2016-11-15/service-2.json, shape Image (e.g. {@code imageState},
     * {@code imageOwnerId}, {@code isPublic}).
     */
    private void describeImages(QueryParams q, Xml xml) {
        List<String> ids = q.strings("ImageId");
        List<Amis.Ami> images = ids == null || ids.isEmpty() ? world.amis.all() : world.amis.find(ids);
        xml.list("imagesSet", "item", images, ami -> xml.leaf("imageId", ami.imageId())
                .leaf("imageLocation", EcrState.REGISTRY_ID + "/" + ami.name()).leaf("imageState", "available")
                .leaf("imageOwnerId", EcrState.REGISTRY_ID).leaf("creationDate", ami.creationDate())
                .leaf("isPublic", false).leaf("architecture", ami.architecture()).leaf("imageType", "machine")
                .leaf("name", ami.name()).leaf("rootDeviceType", "ebs").leaf("rootDeviceName", "/dev/xvda")
                .leaf("virtualizationType", "hvm").leaf("hypervisor", "xen").leaf("enaSupport", true)
                .leaf("platformDetails", "Linux/UNIX").leaf("usageOperation", "RunInstances")
                .leaf("bootMode", ami.architecture().startsWith("arm64") ? "uefi" : "uefi-preferred")
                .leaf("imdsSupport", "v2.0"));
    }
}
