package dev.capstan.rollout.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.standin.RefreshView;
import org.junit.jupiter.api.Test;

/**
 * StartInstanceRefresh has no idempotency token: when its answer is lost after AWS acted, the SDK's retry meets the
 * deploy's own refresh as InstanceRefreshInProgress. The deploy adopts it and watches it to the end.
 */
class LostAnswerTest extends Scenario {

    @Test
    void aLostAnswerToStartInstanceRefreshIsAdoptedAndFollowedToTheEnd() {
        STAND_IN.faults().loseAnswer("StartInstanceRefresh", 1);

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(calls("StartInstanceRefresh")).isEqualTo(2);
        assertThat(STAND_IN.autoScaling().refreshes(GROUP)).hasSize(1);
        String id = STAND_IN.autoScaling().latestRefresh(GROUP).map(RefreshView::instanceRefreshId).orElseThrow();
        assertThat(result.out()).contains("its answer was lost").contains("Started instance refresh " + id)
                .contains("Deployed capstan:def5678");
        assertThat(lastGood()).isEqualTo("capstan:def5678@" + NEW_DIGEST);
    }

    @Test
    void someoneElsesRefreshIsNeverAdopted() {
        // Another refresh, towards version 1, starts between the preflight and our StartInstanceRefresh.
        interceptors.add(new StartAnotherRefreshFirst(STAND_IN, GROUP));

        Result result = deploy();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("Another instance refresh").contains("started on group 'capstan-web' after the preflight");
    }
}
