import dev.capstan.rollout.RolloutContext;
import dev.capstan.rollout.aws.AwsClientFactory;
import dev.capstan.rollout.cli.RolloutCli;
import dev.capstan.rollout.refresh.PollSchedule;
import dev.capstan.rollout.time.Interruption;
import dev.capstan.rollout.time.Sleeper;
import dev.capstan.standin.AwsStandIn;
import dev.capstan.standin.CapacitySample;
import dev.capstan.standin.GroupSpec;
import dev.capstan.standin.RefreshView;
import dev.capstan.standin.TemplateSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

/**
 * Runs `rollout deploy` in-process against the AWS stand-in on its simulated clock, for groups of 1, 4 and 16
 * instances, under three healthy ranges, and prints each deploy's simulated duration, the lowest serving capacity the
 * stand-in saw, and the ratio of 16 instances to 1. The group is the one the Service stack builds (infra/): a launch
 * hook, ELB health checks every 5 s with 2 to pass, a 15 s deregistration delay, a 15 s instance warm-up.
 * Simulated time is exact and needs no real waiting; the stand-in's timing model (docs/aws-standin.md, "The
 * simulation") decides what a launch, a boot, a health check and a drain cost.
 */
public final class DeployTime {
    private static final String GROUP = "capstan-bench";
    private static final String TEMPLATE = "capstan-bench";
    private static final String PARAMETER = "/capstan/bench/last-good-image";
    private static final String OLD = "sha256:" + "a1".repeat(32);
    private static final String NEW = "sha256:" + "b2".repeat(32);
    private static final int[] SIZES = {1, 4, 16};

    private record Settings(String name, String[] flags) {
    }

    private record Run(int size, Settings settings, Duration deploy, Duration refresh, int lowest, int peak, int exit) {
    }

    public static void main(String[] args) {
        AwsStandIn standIn = AwsStandIn.start(0, -1);
        System.setProperty("aws.endpointUrl", standIn.endpoint().toString());
        System.setProperty("aws.accessKeyId", "bench");
        System.setProperty("aws.secretAccessKey", "bench");
        System.setProperty("aws.region", "eu-west-1");
        List<Settings> settings = List.of(
                new Settings("defaults (launch before terminate)", new String[0]),
                new Settings("one at a time (min 100, max 100)", new String[] {"--min-healthy", "100", "--max-healthy", "100"}),
                new Settings("AWS's defaults (min 90, max 100)", new String[] {"--min-healthy", "90"}));
        List<Run> runs = new ArrayList<>();
        for (Settings s : settings) {
            for (int size : SIZES) {
                runs.add(deploy(standIn, size, s));
            }
        }
        print(runs, settings);
        standIn.close();
        boolean failed = runs.stream().anyMatch(r -> r.exit() != 0);
        System.exit(failed ? 1 : 0);
    }

    private static Run deploy(AwsStandIn standIn, int size, Settings settings) {
        standIn.reset();
        standIn.ecr().putImage("capstan", "abc1234", OLD);
        standIn.ecr().putImage("capstan", "def5678", NEW);
        standIn.ec2().createLaunchTemplate(TemplateSpec.named(TEMPLATE).userData("#!/bin/bash\n")
                .versionDescription("image capstan:abc1234 " + OLD));
        standIn.ssm().putParameter(PARAMETER, "capstan:abc1234@" + OLD);
        standIn.autoScaling().createGroup(GroupSpec.named(GROUP).launchTemplate(TEMPLATE, "1")
                .capacity(size, size, size * 2)
                .launchHook("capstan-launch", Duration.ofMinutes(10), "ABANDON")
                .elb(Duration.ofSeconds(5), 2, Duration.ofSeconds(15))
                .healthCheckGracePeriod(Duration.ofSeconds(60))
                .defaultInstanceWarmup(Duration.ofSeconds(15))
                .tag("capstan:last-good-parameter", PARAMETER));
        Sleeper simulated = d -> standIn.clock().advance(d);
        AwsClientFactory clients = new AwsClientFactory(AwsRetryStrategy.standardRetryStrategy());
        RolloutContext context = new RolloutContext(standIn.clock(), simulated, new Interruption(), new HashMap<>(),
                clients, PollSchedule.standard());
        List<String> argv = new ArrayList<>(List.of("deploy", "--asg", GROUP, "--repository", "capstan", "--tag", "def5678"));
        argv.addAll(List.of(settings.flags()));
        Instant start = standIn.clock().instant();
        StringWriter out = new StringWriter();
        int exit = RolloutCli.run(context, new PrintWriter(out), new PrintWriter(Writer.nullWriter()), argv.toArray(String[]::new));
        Instant end = standIn.clock().instant();
        if (exit != 0) {
            System.err.println(out);
        }
        RefreshView refresh = standIn.autoScaling().latestRefresh(GROUP).orElseThrow();
        List<CapacitySample> capacity = standIn.autoScaling().capacity(GROUP);
        int lowest = capacity.stream().mapToInt(CapacitySample::inService).min().orElse(0);
        int peak = capacity.stream().mapToInt(CapacitySample::live).max().orElse(0);
        return new Run(size, settings, Duration.between(start, end),
                Duration.between(refresh.startTime(), refresh.endTime()), lowest, peak, exit);
    }

    private static void print(List<Run> runs, List<Settings> settings) {
        System.out.println("Simulated deploy time (rollout deploy start to exit), per group size and healthy range");
        System.out.printf("%-36s %6s %10s %10s %16s %6s%n", "settings", "group", "deploy", "refresh",
                "lowest serving", "peak");
        for (Run r : runs) {
            System.out.printf("%-36s %6d %10s %10s %10d of %-3d %6d%s%n", r.settings().name(), r.size(),
                    human(r.deploy()), human(r.refresh()), r.lowest(), r.size(), r.peak(),
                    r.exit() == 0 ? "" : "  (exit " + r.exit() + ")");
        }
        System.out.println();
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (Settings s : settings) {
            Run one = find(runs, s, 1);
            Run sixteen = find(runs, s, 16);
            ratios.put(s.name(), sixteen.deploy().toMillis() / (double) one.deploy().toMillis());
        }
        ratios.forEach((name, ratio) -> System.out.printf("16 instances / 1 instance, %-36s %.2f%n", name + ":", ratio));
        Run defaults16 = find(runs, settings.get(0), 16);
        double target = ratios.get(settings.get(0).name());
        boolean capacityKept = runs.stream().filter(r -> r.settings() == settings.get(0)).allMatch(r -> r.lowest() >= r.size());
        System.out.printf("target: with the defaults, 16 instances take at most 1.3x one instance (%.2f: %s) and serving "
                + "capacity never drops below desired (lowest %d of %d at 16: %s)%n", target, target <= 1.3 ? "met" : "NOT met",
                defaults16.lowest(), defaults16.size(), capacityKept ? "met" : "NOT met");
    }

    private static Run find(List<Run> runs, Settings settings, int size) {
        return runs.stream().filter(r -> r.settings() == settings && r.size() == size).findFirst().orElseThrow();
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        return s / 60 + "m" + String.format("%02ds", s % 60);
    }
}
