package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProviderWiringCheckTest {

    @Test
    void typesWithoutAProviderAreLoggedOnceAsAWarning(CapturedOutput output) {
        var check = new ProviderWiringCheck(List.of(provider(Provider.JIKAN, List.of(), MediaType.ANIME, MediaType.MANGA)));

        assertThat(check.typesWithoutProvider()).containsExactly(MediaType.MOVIE, MediaType.TV_SHOW, MediaType.GAME, MediaType.BOOK);
        assertThat(output.getOut().lines().filter(line -> line.contains("No provider in this deployment")))
                .singleElement().asString()
                .contains("WARN", "[MOVIE, TV_SHOW, GAME, BOOK]", "MEDIA_TYPE_NOT_SUPPORTED", "ANIME (JIKAN)", "MANGA (JIKAN)");
    }

    @Test
    void whenEveryTypeHasAProviderThatIsSaidOnceAtInfo(CapturedOutput output) {
        var check = new ProviderWiringCheck(Arrays.stream(MediaType.values())
                .map(type -> provider(type.provider(), List.of(), type)).toList());

        assertThat(check.typesWithoutProvider()).isEmpty();
        assertThat(output.getOut().lines().filter(line -> line.contains("Providers serve every media type")))
                .singleElement().asString()
                .contains("INFO", "ANIME (JIKAN)", "TV_SHOW (TMDB)", "GAME (IGDB)", "BOOK (HARDCOVER)");
        assertThat(output.getOut()).doesNotContain("Providers off");
    }

    @Test
    void providersMissingCredentialsAreLoggedOnceByTheSettingsTheyNeed(CapturedOutput output) {
        new ProviderWiringCheck(List.of(
                provider(Provider.JIKAN, List.of(), MediaType.ANIME),
                provider(Provider.TMDB, List.of("TRACKGEEK_PROVIDERS_TMDB_API_KEY or TRACKGEEK_PROVIDERS_TMDB_BEARER_TOKEN"), MediaType.MOVIE),
                provider(Provider.IGDB, List.of("TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID", "TRACKGEEK_PROVIDERS_IGDB_CLIENT_SECRET"), MediaType.GAME)));

        assertThat(output.getOut().lines().filter(line -> line.contains("Providers off until their credentials are configured")))
                .singleElement().asString()
                .contains("WARN",
                        "TMDB [MOVIE] (set TRACKGEEK_PROVIDERS_TMDB_API_KEY or TRACKGEEK_PROVIDERS_TMDB_BEARER_TOKEN; until then TMDB_NOT_CONFIGURED)",
                        "IGDB [GAME] (set TRACKGEEK_PROVIDERS_IGDB_CLIENT_ID, TRACKGEEK_PROVIDERS_IGDB_CLIENT_SECRET; until then IGDB_NOT_CONFIGURED)")
                .doesNotContain("JIKAN [");
    }

    private static MetadataProvider provider(Provider provider, List<String> missingSettings, MediaType... types) {
        return new MetadataProvider() {
            @Override
            public Provider provider() {
                return provider;
            }

            @Override
            public Set<MediaType> mediaTypes() {
                return Set.of(types);
            }

            @Override
            public List<String> missingSettings() {
                return missingSettings;
            }

            @Override
            public CatalogItem fetch(MediaKey key) {
                throw new UnsupportedOperationException("the wiring check never fetches");
            }

            @Override
            public com.trackgeek.sync.provider.SearchPage search(MediaType type, String query, int page, int limit) {
                throw new UnsupportedOperationException("the wiring check never searches");
            }
        };
    }
}
