package dev.capstan.rollout.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A line ShellWords writes gives bash back exactly the words it was made of. */
class ShellWordsTest {

    @Test
    void plainWordsStayBareSoThatPlainCommandSubstitutionWorksToo() {
        List<String> argv = List.of("aws", "ssm", "start-session", "--region", "eu-west-1", "--target",
                "i-0123456789abcdef0", "--parameters", "portNumber=8081,localPortNumber=18081");

        String line = ShellWords.line(argv);

        assertThat(line).doesNotContain("'").doesNotContain("\"");
        assertThat(Shell.evalWords(line)).isEqualTo(argv);
        assertThat(Shell.substitutionWords(line)).isEqualTo(argv);
    }

    @Test
    void anythingElseIsSingleQuotedAndComesBackUnchanged() {
        List<String> argv = List.of("aws", "--region", "eu-west-1; touch /tmp/owned", "it's", "$(id)", "`id`",
                "a b\tc", "*", "[x]", "{\"a\":[\"1\"]}", "back\\slash", "!", "~", "");

        String line = ShellWords.line(argv);

        assertThat(Shell.syntax(line).exitCode()).isZero();
        assertThat(Shell.evalWords(line)).isEqualTo(argv);
    }
}
