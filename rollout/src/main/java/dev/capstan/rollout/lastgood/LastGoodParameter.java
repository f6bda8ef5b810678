package dev.capstan.rollout.lastgood;

import dev.capstan.rollout.aws.AwsCall;
import dev.capstan.rollout.template.ImageDescription;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Reads and writes the SSM parameter that holds the last-good image of an environment. No stack owns it (a stack
 * update would reset it); the rollout writes it when a deploy ends Successful, and the Service stack renders new
 * launch template versions from it, so a stack update never makes new instances boot another image.
 */
public final class LastGoodParameter {
    private final SsmClient ssm;

    public LastGoodParameter(SsmClient ssm) {
        this.ssm = ssm;
    }

    public Optional<ImageDescription> read(String name) {
        return AwsCall.run("ssm:GetParameter", () -> {
            try {
                String value = ssm.getParameter(r -> r.name(name)).parameter().value();
                return Optional.of(LastGoodValue.parse(name, value));
            } catch (ParameterNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    public void write(String name, ImageDescription image) {
        AwsCall.exec("ssm:PutParameter", () -> ssm.putParameter(r -> r.name(name).value(LastGoodValue.format(image))
                .type(ParameterType.STRING).overwrite(true)));
    }

    /** Creates the parameter; returns false, changing nothing, when it exists already. */
    public boolean seed(String name, ImageDescription image) {
        return AwsCall.run("ssm:PutParameter", () -> {
            try {
                ssm.putParameter(r -> r.name(name).value(LastGoodValue.format(image)).type(ParameterType.STRING)
                        .overwrite(false));
                return true;
            } catch (ParameterAlreadyExistsException e) {
                return false;
            }
        });
    }
}
