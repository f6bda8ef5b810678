package dev.capstan.infra.service;

import dev.capstan.infra.Findings;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetGroupLoadBalancingAlgorithmType;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

/**
 * The internet-facing Application Load Balancer: HTTPS on 443, a redirect on 80, and the target group whose health
 * check is the service's readiness. Its timings are the service's drain arithmetic (Timings).
 */
public final class LoadBalancer extends Construct {
    public static final int APP_PORT = 8080;
    public static final String READINESS_PATH = "/health-check?type=ready";

    private final ApplicationLoadBalancer alb;
    private final SecurityGroup securityGroup;
    private final ApplicationTargetGroup targetGroup;

    public LoadBalancer(Construct scope, String id, Network network, String certificateArn, List<String> ingressCidrs) {
        super(scope, id);
        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(network.vpc())
                .description("Load balancer: HTTPS (and HTTP for the redirect) from the allowed ranges")
                // Its only egress is to the instances' application port, added when the fleet joins.
                .allowAllOutbound(false).build();
        for (String cidr : ingressCidrs) {
            securityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(443), "HTTPS from " + cidr);
            securityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(80), "HTTP from " + cidr + ", redirected to HTTPS");
        }
        alb = ApplicationLoadBalancer.Builder.create(this, "Alb").vpc(network.vpc())
                .internetFacing(true)
                .vpcSubnets(network.publicSubnets())
                .securityGroup(securityGroup)
                // Headers with invalid names are dropped before they reach the service (request smuggling, spoofing).
                .dropInvalidHeaderFields(true)
                // Below the service's idle timeout (75 s): the load balancer always closes an idle connection first.
                .idleTimeout(Duration.seconds(Timings.LOAD_BALANCER_IDLE_TIMEOUT_SECONDS))
                .http2Enabled(true)
                // A stack change cannot delete the entry point by accident; tearing down turns this off first.
                .deletionProtection(true)
                .build();
        targetGroup = ApplicationTargetGroup.Builder.create(this, "Targets").vpc(network.vpc())
                .targetType(TargetType.INSTANCE)
                .protocol(ApplicationProtocol.HTTP)
                .port(APP_PORT)
                .loadBalancingAlgorithmType(TargetGroupLoadBalancingAlgorithmType.ROUND_ROBIN)
                .healthCheck(HealthCheck.builder()
                        // Readiness: 503 from the moment SIGTERM arrives, so a stopping instance leaves by itself.
                        .path(READINESS_PATH)
                        .port("traffic-port")
                        .protocol(Protocol.HTTP)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(Timings.HEALTH_CHECK_INTERVAL_SECONDS))
                        .timeout(Duration.seconds(Timings.HEALTH_CHECK_TIMEOUT_SECONDS))
                        .healthyThresholdCount(Timings.HEALTHY_THRESHOLD)
                        .unhealthyThresholdCount(Timings.UNHEALTHY_THRESHOLD)
                        .build())
                // The service's drain window: a deregistered target finishes its requests before it is stopped.
                .deregistrationDelay(Duration.seconds(Timings.DEREGISTRATION_DELAY_SECONDS))
                .build();
        alb.addListener("Https", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTPS)
                .port(443)
                .certificates(List.of(ListenerCertificate.fromArn(certificateArn)))
                // TLS 1.3 and 1.2 with forward secrecy and AES-GCM only: the restricted current policy.
                .sslPolicy(SslPolicy.TLS13_RES)
                .open(false)
                .defaultAction(ListenerAction.forward(List.of(targetGroup)))
                .build());
        alb.addListener("Http", BaseApplicationListenerProps.builder()
                .protocol(ApplicationProtocol.HTTP)
                .port(80)
                .open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        if (ingressCidrs.stream().anyMatch(c -> c.endsWith("/0"))) {
            Findings.acceptNag(securityGroup, "AwsSolutions-EC23",
                    "A public API: the configured ranges (context ingressCidrs) include the whole internet, on "
                            + "ports 443 and 80 (which only redirects) of the load balancer, never of an instance");
        }
        Findings.acceptNag(alb, "AwsSolutions-ELB2",
                "Every request is already logged by the service itself (JSON access log on stdout, shipped to the "
                        + "environment's CloudWatch Logs group); load balancer access logs would need an S3 bucket "
                        + "with its own policy and logging for a second copy");
    }

    /** Lets the load balancer reach the fleet's application port; nothing else goes out of it. */
    public void forwardTo(SecurityGroup instances) {
        securityGroup.getConnections().allowTo(instances, Port.tcp(APP_PORT), "the application port of the instances");
    }

    public ApplicationLoadBalancer alb() {
        return alb;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }
}
