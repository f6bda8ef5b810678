package dev.capstan.service.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GreetingNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"A", "Ada", "Ada Lovelace", "O'Brien", "Jean-Luc", "J. R. R.", "Zoë", "Zoe\u0308", "42"})
    void acceptsLettersDigitsSpacesDotsDashesAndApostrophes(String name) {
        assertThat(GreetingName.parse(name).value()).isEqualTo(name);
    }

    @Test
    void rejectsAnEmptyNameAsEmpty() {
        assertThatThrownBy(() -> GreetingName.parse(""))
                .isInstanceOfSatisfying(InvalidNameException.class,
                        e -> assertThat(e.rule()).isEqualTo(NameRule.EMPTY));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        final String sixtyFourOutsideTheBmp = "\uD835\uDC00".repeat(64); // MATHEMATICAL BOLD CAPITAL A, a letter

        assertThat(GreetingName.parse(sixtyFourOutsideTheBmp).value()).hasSize(128);
    }

    @Test
    void rejectsSixtyFiveCharactersAsTooLongEvenWhenTheyAreAlsoBad() {
        assertThatThrownBy(() -> GreetingName.parse("<".repeat(65)))
                .isInstanceOfSatisfying(InvalidNameException.class, e -> {
                    assertThat(e.rule()).isEqualTo(NameRule.TOO_LONG);
                    assertThat(e.getMessage()).contains("at most 64").contains("65");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"<b>", "Ada_L", "Ada\nEve", "Ada\tEve", "semi;colon", "😀", "Ada\u00a0Eve", "a/b"})
    void rejectsAnyOtherCharacterNamingIt(String name) {
        assertThatThrownBy(() -> GreetingName.parse(name))
                .isInstanceOfSatisfying(InvalidNameException.class, e -> {
                    assertThat(e.rule()).isEqualTo(NameRule.BAD_CHARACTER);
                    assertThat(e.getMessage()).containsPattern("found .*U\\+[0-9A-F]{4}");
                });
    }

    @Test
    void ruleIdsAreTheOnesClientsSee() {
        assertThat(NameRule.EMPTY.id()).isEqualTo("empty");
        assertThat(NameRule.TOO_LONG.id()).isEqualTo("too-long");
        assertThat(NameRule.BAD_CHARACTER.id()).isEqualTo("bad-character");
    }

    @Test
    void theConfigurationPatternAgreesWithTheRules() {
        assertThat("Ada O'Brien-Smith.").matches(GreetingName.PATTERN);
        assertThat("").doesNotMatch(GreetingName.PATTERN);
        assertThat("a".repeat(65)).doesNotMatch(GreetingName.PATTERN);
        assertThat("<b>").doesNotMatch(GreetingName.PATTERN);
    }
}
