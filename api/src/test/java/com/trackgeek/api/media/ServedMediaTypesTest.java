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
    void animeAndMangaAreServedByDefault() {
        application.run(context -> assertThat(context.getBean(ServedMediaTypes.class).types())
                .containsExactlyInAnyOrder(MediaType.ANIME, MediaType.MANGA));
    }

    @Test
    void typesAreNamedByPathSegmentOrName() {
        application.withPropertyValues("trackgeek.api.media-types= MANGA")
                .run(context -> assertThat(context.getBean(ServedMediaTypes.class).types())
                        .containsExactly(MediaType.MANGA));
    }

    @Test
    void aTypeWithoutACatalogRecordStopsTheStartUp() {
        // Whichever type still lacks a record; once every type has one, there is nothing left to refuse.
        var uncatalogued = java.util.Arrays.stream(MediaType.values()).filter(type -> type.catalogType().isEmpty()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(uncatalogued.isPresent(), "every media type has a catalog record");
        String segment = uncatalogued.get().pathSegment();
        application.withPropertyValues("trackgeek.api.media-types=anime," + segment).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("trackgeek.api.media-types lists '" + segment + "'")
                    .hasMessageContaining(uncatalogued.get().name() + " has no catalog record");
        });
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
