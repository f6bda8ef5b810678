package dev.capstan.rollout.cli;

import dev.capstan.rollout.admin.AdminRequest;
import dev.capstan.rollout.admin.AdminSummary;
import dev.capstan.rollout.admin.AdminTarget;
import dev.capstan.rollout.admin.InstancePicker;
import dev.capstan.rollout.admin.PortForwardSession;
import dev.capstan.rollout.aws.AwsClients;
import dev.capstan.rollout.aws.Grantee;
import dev.capstan.rollout.group.GroupReader;
import dev.capstan.rollout.group.GroupSnapshot;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "admin", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the aws ssm start-session command that forwards one instance's admin port to localhost.",
                "The admin port listens on the instance's loopback only; Session Manager reaches it with no SSH and no"
                        + " open port. Runs nothing: reads the group and prints the command.",
                "Picks an InService, Healthy instance: " + InstancePicker.RULE + ". An instance named with --instance"
                        + " must be in the group and InService and Healthy, or in Standby.",
                "stdout: the command alone, on one line: eval \"$(rollout admin --asg NAME)\". stderr: which instance,"
                        + " and what to open once the session runs."})
public final class AdminCommand implements Callable<Integer> {
    @ParentCommand
    RolloutCli root;

    @Option(names = "--asg", required = true, paramLabel = "NAME", description = "Auto Scaling group.")
    String group;

    @Option(names = "--instance", paramLabel = "ID", description = "This instance of the group instead of the picked one.")
    String instance;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8081",
            description = "The instance's admin port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--local-port", paramLabel = "N",
            description = "The port on this machine. Default: the same as --port.")
    Integer localPort;

    @Mixin
    RegionOption region;

    @Override
    public Integer call() {
        AdminRequest request = new AdminRequest(group, Optional.ofNullable(instance), port,
                localPort == null ? port : localPort);
        try (AwsClients aws = root.context().clients().create(region.region())) {
            GroupSnapshot snapshot = new GroupReader(aws.autoScaling(), Grantee.OPERATOR).read(request.group());
            InstancePicker picker = new InstancePicker();
            AdminTarget target = request.instanceId().map(id -> picker.named(snapshot, id)).orElseGet(() -> picker.pick(snapshot));
            PortForwardSession session = new PortForwardSession(aws.region(), target.instance().id(),
                    request.remotePort(), request.localPort());
            root.out().println(session.commandLine());
            root.out().flush();
            new AdminSummary(root.err()).print(target, session);
            return 0;
        }
    }
}
