package dev.capstan.userdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The boot script template: the copy of userdata/boot.sh bundled in the jar, or a file given with --template. */
public record UserDataTemplate(String source, String text) {
    public static final String BUNDLED_RESOURCE = "/dev/capstan/userdata/boot.sh";

    public static UserDataTemplate bundled() {
        try (InputStream in = UserDataTemplate.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + BUNDLED_RESOURCE + "; rebuild it with mvn -pl userdata,rollout package.");
            }
            return new UserDataTemplate("bundled userdata/boot.sh", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static UserDataTemplate fromFile(Path file) {
        try {
            return new UserDataTemplate(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserDataException("Cannot read the template " + file + " (" + e.getClass().getSimpleName()
                    + "): pass an existing, readable file to --template.");
        }
    }
}
