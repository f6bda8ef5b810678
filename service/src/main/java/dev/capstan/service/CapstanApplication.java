package dev.capstan.service;

import dev.capstan.service.admin.AdminTasks;
import dev.capstan.service.admin.InstanceServlet;
import dev.capstan.service.api.InstanceInfo;
import dev.capstan.service.api.VersionInfo;
import dev.capstan.service.cli.ServerCommandWithPlainErrors;
import dev.capstan.service.core.BuildInfo;
import dev.capstan.service.core.DeploymentInfo;
import dev.capstan.service.errors.InvalidNameExceptionMapper;
import dev.capstan.service.errors.JsonLimitExceptionMapper;
import dev.capstan.service.errors.JsonServletErrorHandler;
import dev.capstan.service.health.PublicReadiness;
import dev.capstan.service.health.ReadinessHealthCheck;
import dev.capstan.service.jetty.ServerCustomizer;
import dev.capstan.service.json.JsonReadLimits;
import dev.capstan.service.json.StartupFriendlyObjectMapper;
import dev.capstan.service.lifecycle.LogFlush;
import dev.capstan.service.lifecycle.TermSignal;
import dev.capstan.service.metrics.ExactServletRouteFilter;
import dev.capstan.service.metrics.MatchedRouteFilter;
import dev.capstan.service.metrics.PrometheusServlet;
import dev.capstan.service.metrics.ServiceMetrics;
import dev.capstan.service.metrics.emf.EmfPublisher;
import dev.capstan.service.resources.HelloResource;
import dev.capstan.service.resources.VersionResource;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ServerProperties;

public class CapstanApplication extends Application<CapstanConfiguration> {
    public static void main(String[] args) throws Exception {
        launch(new CapstanApplication(), args);
    }

    /** Runs the command line the way production does: SIGTERM means an orderly stop that exits 0. */
    public static void launch(CapstanApplication application, String... args) throws Exception {
        TermSignal.exitZeroOnTerm();
        application.run(args);
        // Every command but the server ends here; the server's logs are flushed when it stops.
        if (args.length == 0 || !"server".equals(args[0])) {
            LogFlush.now();
        }
    }

    /**
     * A start that failed (a bad configuration, a port in use) has nothing to drain: halt at once instead of letting
     * the shutdown hooks wait out the drain window, after flushing the log lines that say why.
     */
    @Override
    protected void onFatalError(Throwable t) {
        LogFlush.now();
        Runtime.getRuntime().halt(1);
    }

    @Override
    public String getName() {
        return "capstan";
    }

    @Override
    protected void addDefaultCommands(Bootstrap<CapstanConfiguration> bootstrap) {
        bootstrap.addCommand(new ServerCommandWithPlainErrors<>(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<CapstanConfiguration> bootstrap) {
        // Dropwizard registers the JVM metric sets only when started from the command line; an embedded start
        // (as in the tests) would miss them. Registering twice is a no-op.
        bootstrap.registerMetrics();
        // Before anything reads the configuration, so that reading it does not generate accessor classes.
        bootstrap.setObjectMapper(StartupFriendlyObjectMapper.create());
        // Not strict: a variable that is unset falls back to the default written after ":-" in config.yml.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(CapstanConfiguration configuration, Environment environment) {
        configureJersey(environment.jersey());
        environment.jersey().register(new HelloResource(configuration.getHello().buildGreeter()));
        final BuildInfo build = BuildInfo.fromClasspath();
        final DeploymentInfo deployment = DeploymentInfo.fromEnvironment(System.getenv());
        final VersionInfo version = new VersionInfo(build.version(), build.commit(), build.buildTime(),
                deployment.imageTag(), deployment.imageDigest());
        environment.jersey().register(new VersionResource(version));
        environment.jersey().register(new InvalidNameExceptionMapper());
        environment.jersey().register(new JsonLimitExceptionMapper());
        JsonReadLimits.apply(environment.getObjectMapper());

        final ReadinessHealthCheck readiness = new ReadinessHealthCheck();
        environment.healthChecks().register(ReadinessHealthCheck.NAME, readiness);
        environment.lifecycle().addServerLifecycleListener(readiness);
        environment.lifecycle().addServerLifecycleListener(server -> LogFlush.afterServerStops());

        AdminTasks.removeAll(environment.getAdminContext());
        environment.admin().addServlet("instance", new InstanceServlet(environment.getObjectMapper(),
                new InstanceInfo(deployment.instanceId(), deployment.availabilityZone(), version)))
                .addMapping("/instance");

        final ServiceMetrics metrics = ServiceMetrics.create(new ServiceMetrics.Sources(build, deployment,
                new PublicReadiness(environment.health()), environment.metrics(),
                configuration.requestMetricPrefix(), environment.getApplicationContext()::getServer));
        environment.jersey().register(new MatchedRouteFilter());
        environment.servlets().addFilter("route", new ExactServletRouteFilter())
                .addMappingForUrlPatterns(null, false, "/*");
        environment.admin().addServlet("prometheus", new PrometheusServlet(metrics.registry()))
                .addMapping("/prometheus");
        if (configuration.getCloudWatchMetrics().isEnabled()) {
            environment.lifecycle().manage(
                    EmfPublisher.create(configuration.getCloudWatchMetrics(), metrics.registry(), deployment));
        }

        environment.getApplicationContext().setErrorHandler(new JsonServletErrorHandler());
        environment.getAdminContext().setErrorHandler(new JsonServletErrorHandler());
        environment.lifecycle().addEventListener(
                new ServerCustomizer(environment.getApplicationContext(), metrics.requestLog()));
    }

    /**
     * Every provider is registered explicitly, by Dropwizard and above, so Jersey's scans of the class path for
     * META-INF/services providers and auto-discoverable features only cost startup time. Its default provider for
     * writing images needs java.desktop, which the image's trimmed runtime leaves out, and nothing here returns images.
     */
    private static void configureJersey(JerseyEnvironment jersey) {
        jersey.property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        jersey.property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        jersey.property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "RENDEREDIMAGE");
    }
}
