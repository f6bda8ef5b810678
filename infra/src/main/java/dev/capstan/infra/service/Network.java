package dev.capstan.infra.service;

import dev.capstan.infra.Findings;
import dev.capstan.infra.Settings.Egress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IInterfaceVpcEndpointService;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

/**
 * The VPC: public subnets for the load balancer (and NAT), private subnets for the instances, in every named
 * availability zone. Egress from the private subnets is one of three choices (Settings.Egress), priced in the guide.
 */
public final class Network extends Construct {
    /**
     * The AWS services the instances call: ECR (API and registry), CloudWatch Logs, STS, Auto Scaling, and the two
     * Session Manager needs: SSM (the agent registers, UpdateInstanceInformation) and SSM messages (its control and
     * data channels, which carry a port-forwarding session). No ec2messages: that endpoint serves Run Command, and SSM
     * Agent 3.3.40.0 and later use ssmmessages for Systems Manager's own messages too ("Reference: ec2messages,
     * ssmmessages, and other API operations", AWS Systems Manager User Guide,
     * https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-setting-up-messageAPIs.html).
     */
    static final Map<String, IInterfaceVpcEndpointService> INTERFACE_ENDPOINTS = interfaceEndpoints();
    private static final int HTTPS = 443;

    private final Vpc vpc;
    private final SubnetType privateType;
    private final SecurityGroup endpointSecurityGroup;

    public Network(Construct scope, String id, String cidr, List<String> availabilityZones, Egress egress) {
        super(scope, id);
        // Without NAT the private subnets have no route out at all.
        privateType = egress == Egress.ENDPOINTS ? SubnetType.PRIVATE_ISOLATED : SubnetType.PRIVATE_WITH_EGRESS;
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(cidr))
                // Named zones (context), never looked up: two or more, so that the group and the load balancer
                // survive the loss of one.
                .availabilityZones(availabilityZones)
                .natGateways(switch (egress) {
                    case NAT_PER_AZ -> availabilityZones.size();
                    case NAT_SHARED -> 1;
                    case ENDPOINTS -> 0;
                })
                .subnetConfiguration(List.of(
                        // Only the load balancer and NAT gateways live here; instances never get a public address.
                        SubnetConfiguration.builder().name("Public").subnetType(SubnetType.PUBLIC).cidrMask(24)
                                .mapPublicIpOnLaunch(false).build(),
                        SubnetConfiguration.builder().name("Private").subnetType(privateType).cidrMask(22).build()))
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .build();
        Findings.acceptNag(vpc, "AwsSolutions-VPC7",
                "No flow logs by default: nothing reads them, and CloudWatch Logs charges $0.50 per GB ingested; an "
                        + "operator turns them on for an investigation (docs/infrastructure.md)");
        for (ISubnet subnet : vpc.getPublicSubnets()) {
            acceptNamedZone(subnet);
        }
        for (ISubnet subnet : vpc.selectSubnets(privateSubnets()).getSubnets()) {
            acceptNamedZone(subnet);
        }
        if (egress == Egress.ENDPOINTS) {
            endpointSecurityGroup = SecurityGroup.Builder.create(this, "EndpointSecurityGroup").vpc(vpc)
                    .description("Interface endpoints: HTTPS from the instances only").allowAllOutbound(false).build();
            for (Map.Entry<String, IInterfaceVpcEndpointService> endpoint : INTERFACE_ENDPOINTS.entrySet()) {
                vpc.addInterfaceEndpoint(endpoint.getKey(), InterfaceVpcEndpointOptions.builder()
                        .service(endpoint.getValue()).privateDnsEnabled(true).securityGroups(List.of(endpointSecurityGroup))
                        .subnets(privateSubnets()).open(false).build());
            }
        } else {
            endpointSecurityGroup = null;
        }
        // Image layers (and the Amazon Linux package repositories) come from S3. A gateway endpoint costs nothing and
        // keeps every pull off the NAT gateway's per-GB charge; without NAT it is S3's only route.
        vpc.addGatewayEndpoint("S3", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).subnets(List.of(privateSubnets())).build());
    }

    private static Map<String, IInterfaceVpcEndpointService> interfaceEndpoints() {
        Map<String, IInterfaceVpcEndpointService> endpoints = new LinkedHashMap<>();
        endpoints.put("EcrApi", InterfaceVpcEndpointAwsService.ECR);
        endpoints.put("EcrRegistry", InterfaceVpcEndpointAwsService.ECR_DOCKER);
        endpoints.put("Logs", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
        endpoints.put("Sts", InterfaceVpcEndpointAwsService.STS);
        endpoints.put("AutoScaling", InterfaceVpcEndpointAwsService.AUTOSCALING);
        endpoints.put("Ssm", InterfaceVpcEndpointAwsService.SSM);
        endpoints.put("SsmMessages", InterfaceVpcEndpointAwsService.SSM_MESSAGES);
        return Collections.unmodifiableMap(endpoints);
    }

    private static void acceptNamedZone(ISubnet subnet) {
        Findings.acceptLint((CfnResource) subnet.getNode().getDefaultChild(),
                "The zones are named in the context on purpose: synthesis needs no lookup and no credentials, and "
                        + "the account's operator chooses them", "W3010");
    }

    public Vpc vpc() {
        return vpc;
    }

    public SubnetSelection publicSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build();
    }

    public SubnetSelection privateSubnets() {
        return SubnetSelection.builder().subnetType(privateType).build();
    }

    /**
     * Lets a security group reach the AWS services the instances call: HTTPS, and no other port. The address range
     * cannot be narrower than any IPv4: AWS's public service addresses are no fixed set a rule could name (and the
     * S3 prefix list has a per-region id that only a lookup could find). Without NAT, the private route tables are
     * what limit HTTPS to the endpoints and S3's gateway; with NAT, to wherever NAT reaches. DNS (the VPC resolver),
     * the instance metadata service and Amazon Time Sync are link-local and not subject to security groups.
     */
    public void allowAwsServicesFrom(ISecurityGroup group) {
        group.addEgressRule(Peer.anyIpv4(), Port.tcp(HTTPS), endpointSecurityGroup != null
                ? "HTTPS to the VPC endpoints and S3's gateway (the only routes)" : "HTTPS to AWS service endpoints through NAT");
        if (endpointSecurityGroup != null) {
            endpointSecurityGroup.addIngressRule(group, Port.tcp(HTTPS), "HTTPS from the instances");
        }
    }
}
