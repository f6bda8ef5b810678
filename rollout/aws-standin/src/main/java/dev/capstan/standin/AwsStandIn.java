package dev.capstan.standin;

import com.sun.net.httpserver.HttpServer;
import dev.capstan.standin.imds.ImdsServer;
import dev.capstan.standin.state.GroupOperations;
import dev.capstan.standin.state.World;
import dev.capstan.standin.wire.AutoScalingApi;
import dev.capstan.standin.wire.AwsHandler;
import dev.capstan.standin.wire.ControlApi;
import dev.capstan.standin.wire.Ec2Api;
import dev.capstan.standin.wire.EcrApi;
import dev.capstan.standin.wire.SsmApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful stand-in for Auto Scaling, EC2 launch templates and images, ECR and SSM Parameter Store on loopback HTTP, speaking the real wire
 * protocols so the real AWS SDK and CLI can talk to it through their endpoint settings.
 *
 * <pre>
 * AwsStandIn s = AwsStandIn.shared();
 * s.reset();
 * s.ecr().putImage("capstan", "abc1234", "sha256:...");
 * s.ec2().createLaunchTemplate("capstan", "#!/bin/bash\n...");
 * s.autoScaling().createGroup(GroupSpec.named("capstan-web").launchTemplate("capstan", "1").capacity(4));
 * // point clients at s.endpoint(), then: s.clock().advance(Duration.ofMinutes(5)); s.calls(); ...
 * </pre>
 */
public final class AwsStandIn implements AutoCloseable {

    private static AwsStandIn shared;

    private final World world;
    private final HttpServer server;
    private final ExecutorService executor;
    private final EcrControl ecr;
    private final Ec2Control ec2;
    private final AutoScalingControl autoScaling;
    private final ImdsControl imds;
    private final SsmControl ssm;

    private AwsStandIn(World world, HttpServer server, ExecutorService executor, ImdsServer imdsServer) {
        this.world = world;
        this.server = server;
        this.executor = executor;
        GroupOperations operations = new GroupOperations(world);
        this.ecr = new EcrControl(world);
        this.ec2 = new Ec2Control(world);
        this.autoScaling = new AutoScalingControl(world, operations);
        this.imds = new ImdsControl(world, imdsServer);
        this.ssm = new SsmControl(world);
    }

    /** The one stand-in of this JVM, started on first use on a random loopback port, with a manual clock. */
    public static synchronized AwsStandIn shared() {
        if (shared == null) {
            shared = start(0, -1);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "aws-stand-in-stop"));
        }
        return shared;
    }

    /**
     * Starts a stand-in on 127.0.0.1: {@code port} 0 picks a free port; {@code imdsPort} -1 starts the IMDS
     * stand-in only when {@link #imds()} is first used, 0 starts it now on a free port.
     */
    public static AwsStandIn start(int port, int imdsPort) {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every call takes ~40 ms; read once by the JDK when its first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        SimClock clock = new SimClock();
        World world = new World(clock);
        GroupOperations operations = new GroupOperations(world);
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "aws-stand-in");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            ImdsServer imdsServer = new ImdsServer(world, imdsPort);
            AwsStandIn standIn = new AwsStandIn(world, server, executor, imdsServer);
            server.createContext("/", new AwsHandler(world, List.of(new AutoScalingApi(world, operations),
                    new Ec2Api(world), new EcrApi(world), new SsmApi(world)), new ControlApi(standIn, world)));
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the AWS stand-in on port " + port, e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the endpoint for every service. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Clears all state, faults and recorded calls (not {@link #actionsEverCalled()}), and puts the clock in manual
     * mode.
     */
    public void reset() {
        synchronized (world) {
            world.clock.manual();
            world.clear();
        }
    }

    public SimClock clock() {
        return world.clock;
    }

    public EcrControl ecr() {
        return ecr;
    }

    public Ec2Control ec2() {
        return ec2;
    }

    public AutoScalingControl autoScaling() {
        return autoScaling;
    }

    /** SSM Parameter Store. */
    public SsmControl ssm() {
        return ssm;
    }

    public Faults faults() {
        return world.faults;
    }

    /** The IMDSv2 stand-in (started on a free loopback port on first use unless started with a port). */
    public ImdsControl imds() {
        return imds;
    }

    /** Every call since the last reset, oldest first. */
    public List<RecordedCall> calls() {
        synchronized (world) {
            return List.copyOf(world.calls);
        }
    }

    /** Calls of one action; plain ({@code StartInstanceRefresh}) or IAM-style ({@code autoscaling:StartInstanceRefresh}). */
    public List<RecordedCall> calls(String action) {
        synchronized (world) {
            return world.calls.stream().filter(c -> c.action().equals(action) || c.iamAction().equals(action)).toList();
        }
    }

    /** IAM-style names of every action called since this stand-in started (not cleared by reset). */
    public Set<String> actionsEverCalled() {
        synchronized (world) {
            return new TreeSet<>(world.actionsEverCalled);
        }
    }

    /** Whether any call since the last reset was a mutating one (anything but Describe*, Get*, BatchGet*, List*). */
    public boolean anyMutatingCall() {
        return !mutatingCalls().isEmpty();
    }

    public List<RecordedCall> mutatingCalls() {
        synchronized (world) {
            return world.calls.stream().filter(RecordedCall::mutating).toList();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        imds.stop();
        executor.shutdownNow();
    }
}
