package dev.capstan.service.core;

import dev.capstan.service.api.Greeting;

/** Fills the configured template with a valid name, or with the default name when none was given. */
public class Greeter {
    private final String template;
    private final GreetingName defaultName;

    public Greeter(String template, String defaultName) {
        this.template = template;
        this.defaultName = GreetingName.parse(defaultName);
    }

    /** @param name the name the client sent, or null when it sent none */
    public Greeting greet(String name) {
        final GreetingName who = name == null ? defaultName : GreetingName.parse(name);
        // The template is validated to hold exactly one %s and no other '%', so a plain replace is enough.
        return new Greeting(template.replace("%s", who.value()));
    }
}
