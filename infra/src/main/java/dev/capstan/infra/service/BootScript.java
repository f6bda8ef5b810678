package dev.capstan.infra.service;

import dev.capstan.userdata.DeferredValues;
import dev.capstan.userdata.RenderedUserData;
import dev.capstan.userdata.UserDataRenderer;
import dev.capstan.userdata.UserDataTemplate;
import dev.capstan.userdata.UserDataValues;
import java.util.Map;

/**
 * The launch template's user-data: userdata/boot.sh rendered by the renderer the rollout CLI uses, with the image
 * values deferred to deploy time (they come from the last-good parameter) and the limit checked at their maximum.
 */
public final class BootScript {
    private BootScript() {
    }

    public static RenderedUserData render(LastGoodImage image, String group, String logGroup) {
        UserDataValues values = new UserDataValues(image.imageRef(), image.tag(), image.digest(), group,
                UserDataValues.DEFAULT_LOG_DRIVER, logGroup);
        return new UserDataRenderer().render(UserDataTemplate.bundled(), values, DeferredValues.of(Map.of(
                "IMAGE_REF", image.maxImageRefBytes(),
                "IMAGE_TAG", LastGoodImage.MAX_TAG_BYTES,
                "IMAGE_DIGEST", LastGoodImage.DIGEST_BYTES)));
    }
}
