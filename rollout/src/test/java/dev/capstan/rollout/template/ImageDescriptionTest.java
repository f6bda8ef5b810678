package dev.capstan.rollout.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageDescriptionTest {
    private static final String DIGEST = "sha256:" + "0f".repeat(32);

    @Test
    void readsBackTheDescriptionItWrites() {
        ImageDescription d = new ImageDescription("team/capstan", "def5678", DIGEST);

        assertThat(d.text()).isEqualTo("image team/capstan:def5678 " + DIGEST);
        assertThat(ImageDescription.parse(d.text())).contains(d);
    }

    @Test
    void ignoresDescriptionsThatNameNoImage() {
        assertThat(ImageDescription.parse(null)).isEmpty();
        assertThat(ImageDescription.parse("initial version")).isEmpty();
        assertThat(ImageDescription.parse("image capstan:def5678 sha256:short")).isEmpty();
    }
}
