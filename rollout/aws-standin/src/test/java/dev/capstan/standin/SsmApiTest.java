package dev.capstan.standin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SsmApiTest {

    private static final String NAME = "/capstan/production/last-good-image";
    private static final String VALUE = "capstan:3f2c1e0@" + SdkClients.digest('a');

    @RegisterExtension
    static final FreshStandIn AWS = new FreshStandIn();
    private static final AwsStandIn standIn = AWS.standIn();
    private static final SsmClient ssm = AWS.ssm();

    @Test
    void putThenGetReturnsTheParameterAtVersionOne() {
        PutParameterResponse put = ssm.putParameter(r -> r.name(NAME).value(VALUE).type(ParameterType.STRING));
        assertThat(put.version()).isEqualTo(1L);
        assertThat(put.tierAsString()).isEqualTo("Standard");

        Parameter p = ssm.getParameter(r -> r.name(NAME)).parameter();
        assertThat(p.name()).isEqualTo(NAME);
        assertThat(p.value()).isEqualTo(VALUE);
        assertThat(p.type()).isEqualTo(ParameterType.STRING);
        assertThat(p.version()).isEqualTo(1L);
        assertThat(p.dataType()).isEqualTo("text");
        assertThat(p.arn()).isEqualTo("arn:aws:ssm:eu-west-1:123456789012:parameter" + NAME);
        assertThat(p.lastModifiedDate()).isEqualTo(standIn.clock().instant());
    }

    @Test
    void putWithoutOverwriteRefusesAnExistingParameterAndChangesNothing() {
        ssm.putParameter(r -> r.name(NAME).value(VALUE).type(ParameterType.STRING));
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name(NAME).value("capstan:other@" + SdkClients.digest('b'))
                .type(ParameterType.STRING)))
                .isInstanceOf(ParameterAlreadyExistsException.class);
        assertThat(standIn.ssm().parameter(NAME)).get().extracting(ParameterView::value, ParameterView::version)
                .containsExactly(VALUE, 1L);
    }

    @Test
    void overwriteMakesTheNextVersionAndKeepsTheType() {
        ssm.putParameter(r -> r.name(NAME).value(VALUE).type(ParameterType.STRING));
        standIn.clock().advance(Duration.ofMinutes(5));
        String next = "capstan:9d8e7f6@" + SdkClients.digest('b');
        assertThat(ssm.putParameter(r -> r.name(NAME).value(next).overwrite(true)).version()).isEqualTo(2L);

        Parameter p = ssm.getParameter(r -> r.name(NAME)).parameter();
        assertThat(p.value()).isEqualTo(next);
        assertThat(p.version()).isEqualTo(2L);
        assertThat(p.type()).isEqualTo(ParameterType.STRING);
        assertThat(ssm.getParameter(r -> r.name(NAME + ":1")).parameter())
                .satisfies(old -> {
                    assertThat(old.value()).isEqualTo(VALUE);
                    assertThat(old.selector()).isEqualTo(":1");
                });
    }

    @Test
    void aMissingParameterIsParameterNotFound() {
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/capstan/nope")))
                .isInstanceOf(ParameterNotFoundException.class)
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ParameterNotFound"));
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/capstan/nope:3")))
                .isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void aMissingVersionIsParameterVersionNotFound() {
        ssm.putParameter(r -> r.name(NAME).value(VALUE).type(ParameterType.STRING));
        assertThatThrownBy(() -> ssm.getParameter(r -> r.name(NAME + ":7")))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ParameterVersionNotFound"));
    }

    @Test
    void creatingAParameterNeedsItsType() {
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name(NAME).value(VALUE)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationException"))
                .hasMessageContaining("A parameter type is required when you create a parameter");
        assertThat(standIn.ssm().parameter(NAME)).isEmpty();
    }

    @Test
    void aStandardParameterHoldsAtMost4096Characters() {
        assertThat(ssm.putParameter(r -> r.name(NAME).value("x".repeat(4096)).type(ParameterType.STRING)).version())
                .isEqualTo(1L);
        assertThatThrownBy(() -> ssm.putParameter(r -> r.name(NAME).value("x".repeat(4097)).overwrite(true)))
                .satisfies(e -> assertThat(SdkClients.errorCode(e)).isEqualTo("ValidationException"))
                .hasMessageContaining("maximum parameter value of 4096 characters");
    }

    @Test
    void namesFollowParameterStoreRules() {
        assertThat(nameError("capstan/production/last-good-image")).isEqualTo("ValidationException");
        assertThat(nameError("/capstan/last good")).isEqualTo("ValidationException");
        assertThat(nameError("/capstan/last*good")).isEqualTo("ValidationException");
        assertThat(nameError("/ssm/capstan")).isEqualTo("ValidationException");
        assertThat(nameError("awsCapstan")).isEqualTo("ValidationException");
        assertThat(nameError("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p")).isEqualTo("HierarchyLevelLimitExceededException");
        assertThat(nameError("/" + "n".repeat(1000))).isEqualTo("ValidationException");

        assertThat(ssm.putParameter(r -> r.name("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o").value("v")
                .type(ParameterType.STRING)).version()).isEqualTo(1L);
        assertThat(ssm.putParameter(r -> r.name("plain_name-1.0").value("v").type(ParameterType.STRING)).version())
                .isEqualTo(1L);
        ssm.putParameter(r -> r.name("  /capstan/trimmed ").value("v").type(ParameterType.STRING));
        assertThat(standIn.ssm().parameter("/capstan/trimmed")).isPresent();
    }

    private static String nameError(String name) {
        try {
            ssm.putParameter(r -> r.name(name).value("v").type(ParameterType.STRING));
            return "accepted";
        } catch (RuntimeException e) {
            return SdkClients.errorCode(e);
        }
    }

    @Test
    void getParametersListsFoundOnesAlphabeticallyAndNamesTheMissing() {
        standIn.ssm().putParameter("/capstan/b", "2");
        standIn.ssm().putParameter("/capstan/a", "1");
        GetParametersResponse r = ssm.getParameters(g -> g.names("/capstan/b", "/capstan/missing", "/capstan/a"));
        assertThat(r.parameters()).extracting(Parameter::name).containsExactly("/capstan/a", "/capstan/b");
        assertThat(r.invalidParameters()).containsExactly("/capstan/missing");
    }

    @Test
    void controlPutOverwritesAndBumpsTheVersion() {
        standIn.ssm().putParameter(NAME, VALUE);
        ParameterView again = standIn.ssm().putParameter(NAME, "capstan:next@" + SdkClients.digest('c'));
        assertThat(again.version()).isEqualTo(2L);
        assertThat(again.type()).isEqualTo("String");
        assertThatThrownBy(() -> standIn.ssm().putParameter("no/leading/slash", "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fully qualified");
    }

    @Test
    void callsAreRecordedIamStyleAndPutIsMutating() {
        ssm.putParameter(r -> r.name(NAME).value(VALUE).type(ParameterType.STRING));
        ssm.getParameter(r -> r.name(NAME));
        assertThat(standIn.calls()).extracting(RecordedCall::iamAction)
                .containsExactly("ssm:PutParameter", "ssm:GetParameter");
        assertThat(standIn.calls("ssm:PutParameter").get(0).param("Name")).isEqualTo(NAME);
        assertThat(standIn.mutatingCalls()).extracting(RecordedCall::action).containsExactly("PutParameter");
        assertThat(standIn.actionsEverCalled()).contains("ssm:GetParameter", "ssm:PutParameter");
    }

    @Test
    void resetClearsParameters() {
        standIn.ssm().putParameter(NAME, VALUE);
        standIn.reset();
        assertThat(standIn.ssm().parameter(NAME)).isEmpty();
    }
}
