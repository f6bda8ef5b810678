package dev.capstan.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BootScriptLimitsTest {
    // Surefire runs in the module directory: these are the repository's real files.
    static final Path BOOT_SCRIPT = Path.of("boot.sh");
    static final Path JVM_OPTIONS = Path.of("..", "jvm.options");

    @Test
    void theContainerMemoryLimitCountsTheHeapThatJvmOptionsSets() throws Exception {
        // The instance cannot read jvm.options from the image before it runs it, so boot.sh carries the heap size.
        int heapInJvmOptions = megabytes(JVM_OPTIONS, "^-Xmx(\\d+)m$");
        int heapInBootScript = megabytes(BOOT_SCRIPT, "\\bHEAP_MB=(\\d+)\\b");

        assertThat(heapInBootScript).as("HEAP_MB in boot.sh against -Xmx in jvm.options").isEqualTo(heapInJvmOptions);
    }

    private static int megabytes(Path file, String regex) throws Exception {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(Files.readString(file));
        assertThat(m.find()).as("%s has %s", file, regex).isTrue();
        int value = Integer.parseInt(m.group(1));
        assertThat(m.find()).as("%s has %s only once", file, regex).isFalse();
        return value;
    }
}
