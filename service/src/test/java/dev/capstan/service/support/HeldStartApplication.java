package dev.capstan.service.support;

import dev.capstan.service.CapstanApplication;
import dev.capstan.service.CapstanConfiguration;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * The real application whose start is held at its very last step: the connectors are open and answering, but the
 * server has not yet reported itself started. One instance per test JVM (the latches are shared with the test).
 */
public class HeldStartApplication extends CapstanApplication {
    public static final CountDownLatch HELD = new CountDownLatch(1);
    public static final CountDownLatch RELEASE = new CountDownLatch(1);
    public static volatile int applicationPort;

    @Override
    public void run(CapstanConfiguration configuration, Environment environment) {
        // Registered before the application's own listeners, so Jetty calls it first.
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                if (event instanceof Server server) {
                    for (var connector : server.getConnectors()) {
                        if ("application".equals(connector.getName())) {
                            applicationPort = ((NetworkConnector) connector).getLocalPort();
                        }
                    }
                    HELD.countDown();
                    try {
                        RELEASE.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        super.run(configuration, environment);
    }
}
