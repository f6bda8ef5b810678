package dev.capstan.standin;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM's one stand-in, reset before each test so no test sees another's world; the class's own {@code @BeforeEach}
 * runs after the reset and seeds what it needs. SDK clients opened here serve all of the class's tests and are closed
 * after the last one.
 */
final class FreshStandIn implements BeforeEachCallback, AfterAllCallback {

    private final AwsStandIn standIn = AwsStandIn.shared();
    private final List<SdkAutoCloseable> clients = new ArrayList<>();

    AwsStandIn standIn() {
        return standIn;
    }

    AutoScalingClient autoScaling() {
        return opened(SdkClients.autoScaling(standIn));
    }

    Ec2Client ec2() {
        return opened(SdkClients.ec2(standIn));
    }

    EcrClient ecr() {
        return opened(SdkClients.ecr(standIn));
    }

    SsmClient ssm() {
        return opened(SdkClients.ssm(standIn));
    }

    private <C extends SdkAutoCloseable> C opened(C client) {
        clients.add(client);
        return client;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        standIn.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        clients.forEach(SdkAutoCloseable::close);
        clients.clear();
    }
}
