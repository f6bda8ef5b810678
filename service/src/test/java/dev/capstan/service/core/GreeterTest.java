package dev.capstan.service.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GreeterTest {
    @Test
    void fillsTheTemplateWithTheNameOrTheDefault() {
        final Greeter greeter = new Greeter("Hi %s, welcome.", "World");

        assertThat(greeter.greet("Ada").message()).isEqualTo("Hi Ada, welcome.");
        assertThat(greeter.greet(null).message()).isEqualTo("Hi World, welcome.");
    }

    @Test
    void aNameThatLooksLikeATemplateIsNotExpanded() {
        // '%' is not a valid name character; the rules stop it before it reaches the template.
        assertThatThrownBy(() -> new Greeter("Hi %s", "World").greet("%s%s"))
                .isInstanceOf(InvalidNameException.class);
    }

    @Test
    void refusesAnInvalidDefaultNameAtOnce() {
        assertThatThrownBy(() -> new Greeter("Hi %s", "<nobody>")).isInstanceOf(InvalidNameException.class);
    }
}
