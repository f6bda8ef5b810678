package dev.capstan.standin;

/** What the IMDS stand-in tells the "instance" about itself. */
public record InstanceIdentity(String instanceId, String availabilityZone, String region, String roleName,
                               String accountId, String imageId, String instanceType, String privateIp) {

    public static InstanceIdentity defaults() {
        return new InstanceIdentity("i-0123456789abcdef0", "eu-west-1a", "eu-west-1", "capstan-instance",
                "123456789012", "ami-0123456789abcdef0", "t3.small", "10.0.1.23");
    }
}
