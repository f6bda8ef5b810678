package dev.capstan.service.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The {@code hello} section of the configuration. */
public class HelloSettings {
    @NotNull
    @Pattern(regexp = "[^%]*%s[^%]*", message = "must contain %s exactly once and no other '%' (HELLO_TEMPLATE)")
    private String template = "Hello, %s!";

    @NotNull
    @Pattern(regexp = GreetingName.PATTERN,
            message = "must be 1 to 64 letters, digits, spaces, '.', '-' or ''' (HELLO_DEFAULT_NAME)")
    private String defaultName = "Stranger";

    @JsonProperty
    public String getTemplate() {
        return template;
    }

    @JsonProperty
    public void setTemplate(String template) {
        this.template = template;
    }

    @JsonProperty
    public String getDefaultName() {
        return defaultName;
    }

    @JsonProperty
    public void setDefaultName(String defaultName) {
        this.defaultName = defaultName;
    }

    public Greeter buildGreeter() {
        return new Greeter(template, defaultName);
    }
}
