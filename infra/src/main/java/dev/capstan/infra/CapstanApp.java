package dev.capstan.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: a Foundation stack (once per account) and a Service stack (per environment). Run by the build
 * ({@code mvn package}) or by the cdk CLI; synthesizes without credentials and without lookups.
 *
 * <p>Arguments: {@code --outdir DIR} (ignored when the cdk CLI sets CDK_OUTDIR), {@code --context-file FILE} (a JSON
 * object of context values) and any number of {@code -c KEY=VALUE}, which win over the file.
 */
public final class CapstanApp {
    public static final String FOUNDATION_STACK = "CapstanFoundation";

    private CapstanApp() {
    }

    public static void main(String[] args) throws IOException {
        // jsii writes its temporary files under java.io.tmpdir, which the build points into target/.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        String outdir = null;
        Map<String, Object> context = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--outdir" -> outdir = args[++i];
                case "--context-file" -> context.putAll(readContextFile(Path.of(args[++i])));
                case "-c", "--context" -> {
                    String pair = args[++i];
                    int eq = pair.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("-c takes KEY=VALUE, not '" + pair + "'.");
                    }
                    context.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'; use --outdir DIR, --context-file FILE, -c KEY=VALUE.");
            }
        }
        // The cdk CLI passes its own output directory; the app must write where the CLI reads.
        if (System.getenv("CDK_OUTDIR") != null) {
            outdir = null;
        }
        build(outdir, context).synth();
    }

    /** Builds the app and its stacks; the caller synthesizes. Tests call this with the example context. */
    public static App build(String outdir, Map<String, Object> context) {
        AppProps.Builder props = AppProps.builder().context(context);
        if (outdir != null) {
            props.outdir(outdir);
        }
        App app = new App(props.build());
        Settings settings = Settings.read(app.getNode()::tryGetContext, System.getenv());
        // Named zones: the VPC spreads over them without asking AWS which zones exist (no lookup, no credentials).
        app.getNode().setContext(settings.availabilityZonesContextKey(), settings.availabilityZones());
        StackProps stackProps = StackProps.builder()
                .env(Environment.builder().account(settings.account()).region(settings.region()).build())
                .build();
        new FoundationStack(app, FOUNDATION_STACK, stackProps, settings);
        new ServiceStack(app, serviceStackName(settings.environment()), stackProps, settings);
        // AWS Solutions rules on every resource; each accepted finding is suppressed beside its resource, with why.
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return app;
    }

    public static String serviceStackName(String environment) {
        return "CapstanService-" + environment;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readContextFile(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), Map.class);
    }
}
