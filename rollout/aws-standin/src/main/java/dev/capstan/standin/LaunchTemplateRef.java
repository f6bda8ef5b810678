package dev.capstan.standin;

/** A launch template specification as Auto Scaling reports it: id, name and version ("1", "$Default", "$Latest"). */
public record LaunchTemplateRef(String launchTemplateId, String launchTemplateName, String version) {
}
