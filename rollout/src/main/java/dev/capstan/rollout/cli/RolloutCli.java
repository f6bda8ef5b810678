package dev.capstan.rollout.cli;

import dev.capstan.rollout.ExitCode;
import dev.capstan.rollout.RolloutContext;
import dev.capstan.rollout.RolloutException;
import dev.capstan.rollout.aws.AwsErrors;
import dev.capstan.rollout.report.GitHubReporter;
import dev.capstan.userdata.UserDataException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "rollout", mixinStandardHelpOptions = true,
        versionProvider = RolloutCli.JarVersion.class,
        description = "Ships a container image to an EC2 Auto Scaling group through launch template versions and instance"
                + " refreshes, and gives operators the way to an instance's admin port.",
        footer = {"", "Exit codes: 0 success or nothing to do, 1 deploy failed or rolled back, 2 invalid input or failed",
                "precondition (nothing changed), 3 timed out or interrupted, 4 AWS access or unexpected AWS error."},
        subcommands = {DeployCommand.class, StatusCommand.class, RollbackCommand.class, CancelCommand.class,
                PruneCommand.class, SeedLastGoodCommand.class, RenderUserDataCommand.class, AdminCommand.class,
                CommandLine.HelpCommand.class})
public final class RolloutCli {
    // How long a stop signal waits for the command to apply --on-timeout; CI sends SIGKILL about 10s after SIGINT.
    private static final long SIGNAL_GRACE_SECONDS = 8;

    private final RolloutContext context;
    private final PrintWriter out;
    private final PrintWriter err;

    RolloutCli(RolloutContext context, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    RolloutContext context() {
        return context;
    }

    PrintWriter out() {
        return out;
    }

    /** For what a person reads beside output that a program consumes (admin's command goes to out, alone). */
    PrintWriter err() {
        return err;
    }

    public static void main(String[] args) {
        RolloutContext context = RolloutContext.system();
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicInteger exitCode = new AtomicInteger(ExitCode.TIMED_OUT);
        CountDownLatch done = new CountDownLatch(1);
        // SIGINT/SIGTERM start the JVM's shutdown: ask the command to stop, let it apply --on-timeout, then leave
        // with its exit code (3) instead of the signal's.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.get()) {
                return;
            }
            context.interruption().request("SIGINT/SIGTERM");
            try {
                done.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.flush();
            err.flush();
            Runtime.getRuntime().halt(exitCode.get());
        }, "rollout-stop"));
        int code;
        try {
            code = run(context, out, err, args);
        } catch (Throwable t) {
            // picocli hands Errors (not Exceptions) back to the caller; they still get one sentence, not a trace.
            out.flush();
            err.println("Unexpected failure " + t.getClass().getSimpleName() + ": " + t.getMessage()
                    + "; check that rollout.jar was not replaced while running, then run again.");
            code = ExitCode.DEPLOY_FAILED;
        }
        exitCode.set(code);
        finished.set(true);
        done.countDown();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code; tests call this in-process. */
    public static int run(RolloutContext context, PrintWriter out, PrintWriter err, String... args) {
        GitHubReporter github = new GitHubReporter(context.env());
        CommandLine cli = new CommandLine(new RolloutCli(context, out, err));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler((e, argv) -> {
            String sentence = sentence(e.getMessage()) + " Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.";
            err.println(sentence);
            github.annotateError(out, sentence);
            return ExitCode.INVALID;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            RolloutException failure = e instanceof RolloutException r ? r
                    : e instanceof UserDataException u ? RolloutException.invalid(u.getMessage())
                    : e instanceof SdkException sdk ? AwsErrors.translate("an AWS call", sdk)
                    : new RolloutException(ExitCode.DEPLOY_FAILED, "Unexpected error " + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "; this is a bug in rollout, please report it with the command line.", e);
            out.flush();
            err.println(failure.getMessage());
            github.annotateError(out, failure.getMessage());
            return failure.exitCode();
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String sentence(String message) {
        String m = message == null ? "Invalid command line" : message.strip();
        m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
        return m.endsWith(".") ? m : m + ".";
    }

    static final class JarVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RolloutCli.class.getPackage().getImplementationVersion();
            return new String[] {"rollout " + (v == null ? "dev" : v)};
        }
    }
}
