package dev.capstan.rollout.deploy;

import dev.capstan.rollout.refresh.RefreshSettings;
import dev.capstan.userdata.UserDataTemplate;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything one deploy was asked to do. {@code logGroup} and {@code lastGoodParameter} are what the command line
 * said; when absent, the group's own tags name them ({@link ReleaseTags}).
 */
public record DeployRequest(String group, String repository, String tag, Optional<String> launchTemplate,
                            Optional<String> registry, String logDriver, Optional<String> logGroup,
                            UserDataTemplate template, RefreshSettings settings, IfRefreshRunning ifRefreshRunning,
                            Duration timeout, OnTimeout onTimeout, boolean dryRun, Optional<URI> verifyUrl,
                            Duration verifyTimeout, Optional<String> expectedDigest,
                            Optional<String> lastGoodParameter) {
}
