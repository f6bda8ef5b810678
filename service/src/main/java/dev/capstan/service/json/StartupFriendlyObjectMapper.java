package dev.capstan.service.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.dropwizard.jackson.AnnotationSensitivePropertyNamingStrategy;
import io.dropwizard.jackson.CaffeineModule;
import io.dropwizard.jackson.FuzzyEnumModule;
import io.dropwizard.jackson.GuavaExtrasModule;
import io.dropwizard.jackson.Jackson;

/**
 * Dropwizard's object mapper without its Blackbird module.
 *
 * <p>Blackbird generates a hidden class for each property accessor the first time a serializer or deserializer is
 * built. At start-up that means Dropwizard's whole configuration tree, once, and a class data archive cannot hold
 * hidden classes, so every start pays for them again. The service's own JSON is a few small records, so it gains
 * nothing from Blackbird at run time. Dropping it saved about 60 ms from process start to ready
 * (docs/performance.md).
 *
 * <p>Everything else is what {@link Jackson#newObjectMapper()} configures; a test compares the two, so an upgrade
 * that changes Dropwizard's mapper fails the build instead of silently diverging.
 */
public final class StartupFriendlyObjectMapper {
    private StartupFriendlyObjectMapper() {
    }

    public static ObjectMapper create() {
        final ObjectMapper mapper = Jackson.newMinimalObjectMapper();
        mapper.registerModules(new GuavaExtrasModule(), new CaffeineModule(), new FuzzyEnumModule(),
                new ParameterNamesModule(), new Jdk8Module(), new JavaTimeModule());
        mapper.setPropertyNamingStrategy(new AnnotationSensitivePropertyNamingStrategy());
        return mapper;
    }
}
