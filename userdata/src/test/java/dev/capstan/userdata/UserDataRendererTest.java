package dev.capstan.userdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataRendererTest {
    // Surefire runs in the module directory, so this is the repository's real boot script, not a copy.
    static final Path REAL_BOOT_SCRIPT = Path.of("boot.sh");
    static final String DIGEST = "sha256:" + "ab".repeat(32);

    private final UserDataRenderer renderer = new UserDataRenderer();

    static UserDataValues values() {
        return new UserDataValues("123456789012.dkr.ecr.eu-west-1.amazonaws.com/capstan@" + DIGEST, "def5678", DIGEST,
                "capstan-web", "awslogs", "/capstan/service");
    }

    @Test
    void rendersTheRealBootScriptWithEveryPlaceholderFilled() throws Exception {
        RenderedUserData rendered = renderer.render(UserDataTemplate.fromFile(REAL_BOOT_SCRIPT), values());

        assertThat(rendered.script()).doesNotContainPattern("\\{\\{\\s*[A-Z][A-Z0-9_]*\\s*}}");
        assertThat(rendered.script()).contains("'123456789012.dkr.ecr.eu-west-1.amazonaws.com/capstan@" + DIGEST + "'")
                .contains("'def5678'").contains("'capstan-web'").contains("'awslogs'").contains("'/capstan/service'");
        assertThat(rendered.script()).startsWith(Files.readString(REAL_BOOT_SCRIPT).lines().findFirst().orElseThrow());
    }

    @Test
    void theRealBootScriptRendersUnderAwsUserDataLimit() {
        RenderedUserData rendered = renderer.render(UserDataTemplate.fromFile(REAL_BOOT_SCRIPT), values());

        assertThat(rendered.rawBytes()).isLessThanOrEqualTo(UserDataRenderer.MAX_DECODED_BYTES);
        assertThat(rendered.encodedBytes()).isEqualTo(4 * ((rendered.rawBytes() + 2) / 3));
        assertThat(new String(Base64.getDecoder().decode(rendered.base64()), StandardCharsets.UTF_8))
                .isEqualTo(rendered.script());
    }

    @Test
    void theJarBundlesTheRealBootScriptUnchanged() throws Exception {
        assertThat(UserDataTemplate.bundled().text()).isEqualTo(Files.readString(REAL_BOOT_SCRIPT));
    }

    @Test
    void acceptsAScriptOfExactlySixteenKilobytesWhoseBase64IsLonger() {
        // AWS counts the decoded script: 16,384 bytes pass although their base64 text is 21,848 characters.
        RenderedUserData rendered = renderer.render(template("x".repeat(16_384)), values());

        assertThat(rendered.rawBytes()).isEqualTo(16_384);
        assertThat(rendered.encodedBytes()).isEqualTo(21_848);
    }

    @Test
    void refusesAScriptOverSixteenKilobytes() {
        assertThatThrownBy(() -> renderer.render(template("x".repeat(16_385)), values()))
                .isInstanceOf(UserDataException.class)
                .hasMessageContaining("16385 bytes, over AWS's limit of 16384 bytes");
    }

    @Test
    void refusesUnknownPlaceholders() {
        assertThatThrownBy(() -> renderer.render(template("A='{{IMAGE_REF}}' B='{{IMAGE_REFF}}' C='{{ LOG_LEVEL }}'"), values()))
                .hasMessageContaining("unknown placeholders IMAGE_REFF, LOG_LEVEL")
                .hasMessageContaining("{{IMAGE_REF}}");
    }

    @Test
    void refusesValuesThatCouldEscapeSingleQuotes() {
        for (String bad : new String[] {"it's", "two\nlines", "tab\there", "bell\u0007", "caf\u00e9"}) {
            UserDataValues v = new UserDataValues("r/c@" + DIGEST, "t", DIGEST, bad, "awslogs", "/g");
            assertThatThrownBy(() -> renderer.render(template("ASG='{{ASG_NAME}}'"), v))
                    .as(bad).hasMessageContaining("{{ASG_NAME}}").hasMessageContaining("unsafe inside single quotes");
        }
    }

    @Test
    void refusesEmptyValues() {
        UserDataValues v = new UserDataValues("r/c@" + DIGEST, "t", DIGEST, "g", "", "/g");
        assertThatThrownBy(() -> renderer.render(template("D='{{LOG_DRIVER}}'"), v))
                .hasMessageContaining("{{LOG_DRIVER}} has no value");
    }

    @Test
    void fillsPlaceholdersButLeavesDockerGoTemplatesAlone() {
        RenderedUserData rendered = renderer.render(
                template("docker inspect --format '{{if .State.Running}}{{end}}' {{...}} {{ ASG_NAME }}"), values());

        assertThat(rendered.script()).isEqualTo("docker inspect --format '{{if .State.Running}}{{end}}' {{...}} capstan-web");
    }

    @Test
    void putsDeferredValuesIntoTheScriptUnchanged() {
        UserDataValues v = new UserDataValues("${Token[REF.1]}", "${Token[TAG.2]}", "${Token[DIGEST.3]}", "g", "awslogs", "/g");
        RenderedUserData rendered = renderer.render(template("R='{{IMAGE_REF}}' T='{{IMAGE_TAG}}' D='{{IMAGE_DIGEST}}'"), v,
                DeferredValues.of(Map.of("IMAGE_REF", 400, "IMAGE_TAG", 128, "IMAGE_DIGEST", 71)));

        assertThat(rendered.script()).isEqualTo("R='${Token[REF.1]}' T='${Token[TAG.2]}' D='${Token[DIGEST.3]}'");
    }

    @Test
    void countsEachDeferredValueAtItsDeclaredMaximum() {
        // 16,000 bytes of script plus a stand-in of 15 bytes whose real value may reach 400: 16,400 > 16,384.
        UserDataValues v = new UserDataValues("${Token[REF.1]}", "t", DIGEST, "g", "awslogs", "/g");
        String text = "x".repeat(16_000) + "{{IMAGE_REF}}";

        assertThat(renderer.render(template(text), v).rawBytes()).isEqualTo(16_015);
        assertThatThrownBy(() -> renderer.render(template(text), v, DeferredValues.of(Map.of("IMAGE_REF", 400))))
                .isInstanceOf(UserDataException.class)
                .hasMessageContaining("16400 bytes with every deferred value at its declared maximum, over AWS's limit");
        assertThat(renderer.render(template(text), v, DeferredValues.of(Map.of("IMAGE_REF", 384))).longestRawBytes())
                .isEqualTo(16_384);
    }

    @Test
    void countsADeferredValueOnceForEachTimeItAppears() {
        UserDataValues v = new UserDataValues("r/c@" + DIGEST, "${T}", DIGEST, "g", "awslogs", "/g");

        RenderedUserData rendered = renderer.render(template("{{IMAGE_TAG}}-{{IMAGE_TAG}}"), v,
                DeferredValues.of(Map.of("IMAGE_TAG", 100)));

        assertThat(rendered.rawBytes()).isEqualTo(9);
        assertThat(rendered.longestRawBytes()).isEqualTo(201);
    }

    @Test
    void withoutDeferredValuesTheLongestSizeIsTheRealSize() {
        RenderedUserData rendered = renderer.render(UserDataTemplate.fromFile(REAL_BOOT_SCRIPT), values());

        assertThat(rendered.longestRawBytes()).isEqualTo(rendered.rawBytes());
    }

    @Test
    void refusesToDeferWhatIsNoPlaceholderOrWithoutAMaximum() {
        assertThatThrownBy(() -> renderer.render(template("{{IMAGE_TAG}}"), values(), DeferredValues.of(Map.of("IMAGE", 10))))
                .hasMessageContaining("{{IMAGE}} is not a placeholder");
        assertThatThrownBy(() -> DeferredValues.of(Map.of("IMAGE_TAG", 0)))
                .hasMessageContaining("declares a maximum of 0 bytes");
    }

    private static UserDataTemplate template(String text) {
        return new UserDataTemplate("test template", text);
    }
}
