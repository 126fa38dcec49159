package com.trackgeek.api.media;

import com.trackgeek.contracts.MediaType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Which types are served is checked against the catalog when the application starts, not per request. */
class ServedMediaTypesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MediaTypesProperties.class)
    @Import(ServedMediaTypes.class)
    static class Wiring {
    }

    private final ApplicationContextRunner application = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void everyMediaTypeIsServedByDefault() {
        application.run(context -> assertThat(context.getBean(ServedMediaTypes.class).types())
                .containsExactlyInAnyOrder(MediaType.values()));
    }

    @Test
    void typesAreNamedByPathSegmentOrName() {
        application.withPropertyValues("trackgeek.api.media-types= MANGA")
                .run(context -> assertThat(context.getBean(ServedMediaTypes.class).types())
                        .containsExactly(MediaType.MANGA));
    }

    @Test
    void anUnknownTypeStopsTheStartUp() {
        application.withPropertyValues("trackgeek.api.media-types=anime,podcast").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("'podcast', which is not a media type")
                    .hasMessageContaining("anime, manga, movie, tv, game, book");
        });
    }
}
