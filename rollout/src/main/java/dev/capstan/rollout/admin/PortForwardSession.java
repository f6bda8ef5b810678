package dev.capstan.rollout.admin;

import java.util.List;

/**
 * The AWS CLI command that opens a Session Manager port-forwarding session from {@code localPort} on the operator's
 * machine to {@code remotePort} on the instance's loopback.
 *
 * <p>Sources:
 * <ul>
 *   <li>Systems Manager User Guide, "Start a session", port forwarding
 *       (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-sessions-start.html):
 *       {@code aws ssm start-session --target instance-id --document-name AWS-StartPortForwardingSession
 *       --parameters '{"portNumber":["80"], "localPortNumber":["56789"]}'}; the AWS-managed document
 *       {@code AWS-StartPortForwardingSession} forwards to the instance's own localhost, which is where the admin
 *       connector listens.</li>
 *   <li>AWS CLI reference, {@code aws ssm start-session}
 *       (https://docs.aws.amazon.com/cli/latest/reference/ssm/start-session.html): {@code --target},
 *       {@code --document-name}, {@code --parameters} (map of string to list of strings, JSON or shorthand
 *       {@code KeyName1=string,string,KeyName2=string,string}); {@code --region} is the CLI's global option.
 *       SSM API reference, StartSession: {@code "Parameters": {"string": ["string"]}}.</li>
 *   <li>AWS CLI User Guide, "Using shorthand syntax in the AWS CLI"
 *       (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html): {@code key1=value1,key2=value2} is
 *       the JSON object {@code {"key1":"value1","key2":"value2"}}.</li>
 * </ul>
 * The parameters are written in shorthand, {@code portNumber=8081,localPortNumber=8081}: AWS CLI 2.9 turns it into
 * exactly the StartSession request the JSON form gives ({@code "Parameters": {"portNumber": ["8081"],
 * "localPortNumber": ["8081"]}}, checked by {@code StartSessionRequestTest} against the real CLI), and unlike JSON it has no
 * quote to lose, so the line works pasted, with {@code eval} and with plain {@code $(...)}.
 */
public record PortForwardSession(String region, String instanceId, int remotePort, int localPort) {
    public static final String DOCUMENT = "AWS-StartPortForwardingSession";

    public List<String> argv() {
        return List.of("aws", "ssm", "start-session", "--region", region, "--target", instanceId,
                "--document-name", DOCUMENT,
                "--parameters", "portNumber=" + remotePort + ",localPortNumber=" + localPort);
    }

    /** The command as one shell line. */
    public String commandLine() {
        return ShellWords.line(argv());
    }
}
