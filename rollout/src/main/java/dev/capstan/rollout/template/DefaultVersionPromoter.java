package dev.capstan.rollout.template;

import dev.capstan.rollout.aws.AwsCall;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Makes version N the template's default, only after the refresh to N succeeded. */
public final class DefaultVersionPromoter {
    private final Ec2Client ec2;

    public DefaultVersionPromoter(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    public void promote(String templateId, long version) {
        AwsCall.exec("ec2:ModifyLaunchTemplate", () ->
                ec2.modifyLaunchTemplate(r -> r.launchTemplateId(templateId).defaultVersion(Long.toString(version))));
    }
}
