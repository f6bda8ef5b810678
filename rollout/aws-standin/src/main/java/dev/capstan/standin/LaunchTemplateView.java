package dev.capstan.standin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A snapshot of a launch template with all its versions, oldest first. */
public record LaunchTemplateView(String id, String name, long defaultVersionNumber, long latestVersionNumber,
                                 Instant createTime, List<LaunchTemplateVersionView> versions) {

    public Optional<LaunchTemplateVersionView> version(long number) {
        return versions.stream().filter(v -> v.versionNumber() == number).findFirst();
    }

    public LaunchTemplateVersionView defaultVersion() {
        return version(defaultVersionNumber).orElseThrow();
    }

    public LaunchTemplateVersionView latestVersion() {
        return version(latestVersionNumber).orElseThrow();
    }
}
