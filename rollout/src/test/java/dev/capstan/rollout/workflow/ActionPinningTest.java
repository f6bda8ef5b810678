package dev.capstan.rollout.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action is pinned to a full commit SHA, so a moved or re-pushed tag cannot change what runs; the comment
 * after it names the release, for people and for update tools. One action is pinned one way in every workflow.
 */
class ActionPinningTest {
    // YAML drops comments, so the pins are read from the text, line by line.
    static final Pattern USES_LINE = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*(\\S+)[ \\t]*(.*)$", Pattern.MULTILINE);
    static final String PINNED = "[\\w.-]+/[\\w.-]+(?:/[\\w./-]+)?@[0-9a-f]{40}";
    static final String VERSION_COMMENT = "# v\\d+(?:\\.\\d+){0,2}";

    /** One uses: line: owner/name@ref and what follows it on the line. */
    record Use(String reference, String comment) {
        String action() {
            return reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        }
    }

    static List<Workflow> workflows() {
        return Workflow.all();
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void everyActionIsPinnedToAFullCommitShaWithItsVersionInAComment(Workflow workflow) {
        assertThat(uses(workflow)).isNotEmpty().allSatisfy(use -> {
            assertThat(use.reference()).as("uses: " + use.reference()).matches(PINNED);
            assertThat(use.comment()).as("the version comment after " + use.reference()).matches(VERSION_COMMENT);
        });
    }

    @ParameterizedTest
    @MethodSource("workflows")
    void theLinesCheckedAreAllTheStepsThatUseAnAction(Workflow workflow) {
        long parsed = workflow.allSteps().stream().filter(s -> s.uses().isPresent()).count();

        assertThat(uses(workflow)).hasSize((int) parsed);
    }

    @Test
    void eachActionIsPinnedToOneShaAndVersionInEveryWorkflow() {
        assertThat(workflows()).extracting(Workflow::toString).contains("main.yml", "infrastructure.yml");
        Map<String, Use> first = new HashMap<>();
        for (Use use : workflows().stream().flatMap(w -> uses(w).stream()).toList()) {
            Use earlier = first.putIfAbsent(use.action(), use);
            assertThat(use).as(use.action() + " is pinned the same way everywhere").isEqualTo(earlier == null ? use : earlier);
        }
    }

    private static List<Use> uses(Workflow workflow) {
        List<Use> uses = new ArrayList<>();
        Matcher line = USES_LINE.matcher(workflow.text());
        while (line.find()) {
            uses.add(new Use(line.group(1), line.group(2).strip()));
        }
        return uses;
    }
}
