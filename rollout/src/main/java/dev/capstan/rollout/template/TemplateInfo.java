package dev.capstan.rollout.template;

/** A launch template's identity and its default and latest version numbers. */
public record TemplateInfo(String id, String name, long defaultVersion, long latestVersion) {
}
