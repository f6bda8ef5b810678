package dev.capstan.service.metrics.emf;

import dev.capstan.service.core.DeploymentInfo;
import io.dropwizard.lifecycle.Managed;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the service's metrics to CloudWatch in the embedded metric format: every interval, on one daemon thread,
 * the interval's documents are written to the log stream the container already ships; once more when the service
 * stops, for the last, partial interval.
 */
public final class EmfPublisher implements Managed {
    private static final Logger LOGGER = LoggerFactory.getLogger(EmfPublisher.class);

    private final IntervalReader reader;
    private final EmfDocuments documents;
    private final Consumer<String> output;
    private final Duration interval;
    private final LongSupplier clock;
    private ScheduledExecutorService scheduler;

    EmfPublisher(IntervalReader reader, EmfDocuments documents, Consumer<String> output, Duration interval,
                 LongSupplier clock) {
        this.reader = reader;
        this.documents = documents;
        this.output = output;
        this.interval = interval;
        this.clock = clock;
    }

    /** The publisher of the running service, reading the registry {@code /prometheus} exposes. */
    public static EmfPublisher create(EmfSettings settings, PrometheusRegistry registry, DeploymentInfo deployment) {
        return create(settings, registry, deployment, EmfLog::write, System::currentTimeMillis);
    }

    static EmfPublisher create(EmfSettings settings, PrometheusRegistry registry, DeploymentInfo deployment,
                               Consumer<String> output, LongSupplier clock) {
        final Map<String, String> instance = new LinkedHashMap<>();
        instance.put("Service", settings.getService());
        instance.put("InstanceId", deployment.instanceId());
        instance.put("AvailabilityZone", deployment.availabilityZone());
        instance.put("ImageTag", deployment.imageTag());
        return new EmfPublisher(new IntervalReader(registry), new EmfDocuments(EmfContract.load(), instance), output,
                settings.getInterval().toJavaDuration(), clock);
    }

    @Override
    public synchronized void start() {
        reader.start();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            final Thread thread = new Thread(task, "cloudwatch-metrics");
            thread.setDaemon(true);
            return thread;
        });
        final long millis = interval.toMillis();
        scheduler.scheduleAtFixedRate(this::publishOrWarn, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Lets a publication in progress finish, then publishes what the last interval has seen so far. */
    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        }
        publish();
    }

    /** Writes the documents of the interval that ends now. */
    synchronized void publish() {
        final long now = clock.getAsLong();
        documents.lines(reader.next(), now).forEach(output);
    }

    /** One interval that cannot be published must not end the schedule (an exception would cancel it). */
    private void publishOrWarn() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOGGER.warn("the CloudWatch metrics of this interval were not published: {}", e.toString());
        }
    }
}
