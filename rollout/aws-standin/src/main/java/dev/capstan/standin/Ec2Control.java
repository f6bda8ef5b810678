package dev.capstan.standin;

import dev.capstan.standin.state.LaunchTemplates;
import dev.capstan.standin.state.Views;
import dev.capstan.standin.state.World;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Seeds and inspects simulated EC2 launch templates and machine images. */
public final class Ec2Control {

    private final World world;

    Ec2Control(World world) {
        this.world = world;
    }

    /** Creates a template whose version 1 (the default) carries this user data text and the {@link TemplateSpec} defaults. */
    public LaunchTemplateView createLaunchTemplate(String name, String userDataText) {
        return createLaunchTemplate(TemplateSpec.named(name).userData(userDataText));
    }

    public LaunchTemplateView createLaunchTemplate(TemplateSpec spec) {
        synchronized (world) {
            Map<String, Object> data = spec.dataWithoutUserData();
            if (spec.userDataText() != null) {
                data.put("UserData", encode(spec.userDataText()));
            }
            LaunchTemplates.Template t = world.templates.create(spec.name(), spec.versionDescription(), data, world.now());
            return Views.template(t);
        }
    }

    /**
     * Adds a version made from the default version with new user data text and description, as a deploy would;
     * returns the new version (not made default).
     */
    public LaunchTemplateVersionView createVersion(String templateName, String userDataText, String versionDescription) {
        synchronized (world) {
            LaunchTemplates.Template t = template(templateName);
            Map<String, Object> given = userDataText == null ? Map.of() : Map.of("UserData", encode(userDataText));
            LaunchTemplates.Version v = world.templates.createVersion(t, "$Default", versionDescription,
                    new java.util.LinkedHashMap<>(given), world.now());
            return Views.version(t, v);
        }
    }

    public void setDefaultVersion(String templateName, long version) {
        synchronized (world) {
            world.templates.setDefault(template(templateName), Long.toString(version));
        }
    }

    /** By name or by id. */
    public Optional<LaunchTemplateView> findLaunchTemplate(String nameOrId) {
        synchronized (world) {
            world.now();
            return world.templates.byName(nameOrId).or(() -> world.templates.byId(nameOrId)).map(Views::template);
        }
    }

    /** By name or by id; throws when there is none. */
    public LaunchTemplateView launchTemplate(String nameOrId) {
        return findLaunchTemplate(nameOrId)
                .orElseThrow(() -> new IllegalArgumentException("no launch template " + nameOrId));
    }

    public List<LaunchTemplateView> launchTemplates() {
        synchronized (world) {
            return world.templates.all().stream().map(Views::template).toList();
        }
    }

    /**
     * Registers an AMI for EC2 DescribeImages (or changes its architecture): {@code x86_64}, {@code arm64}, ...
     * A fresh world has {@code ami-0123456789abcdef0} as {@code x86_64}.
     */
    public void registerImage(String imageId, String architecture) {
        synchronized (world) {
            world.amis.register(imageId, architecture, world.now());
        }
    }

    private LaunchTemplates.Template template(String name) {
        return world.templates.byName(name).or(() -> world.templates.byId(name))
                .orElseThrow(() -> new IllegalArgumentException("no launch template " + name));
    }

    static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
