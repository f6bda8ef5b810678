package dev.capstan.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.Test;

class MatchedRouteFilterTest {
    /** Jersey's order: the method's template first, the class's last. */
    private static String route(String... innermostFirst) {
        return MatchedRouteFilter.template(List.of(innermostFirst).stream().map(UriTemplate::new).toList());
    }

    @Test
    void joinsClassAndMethodTemplatesWithOneSlash() {
        assertThat(route("/", "/v1/hello")).isEqualTo("/v1/hello");
        assertThat(route("{id}", "/v1/items/")).isEqualTo("/v1/items/{id}");
        assertThat(route("/{id}", "v1/items")).isEqualTo("/v1/items/{id}");
        assertThat(route("/v1/version")).isEqualTo("/v1/version");
    }

    @Test
    void aRootResourceIsTheRootAndNothingMatchedIsEmpty() {
        assertThat(route("/")).isEqualTo("/");
        assertThat(route()).isEmpty();
    }
}
