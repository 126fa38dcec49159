package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ProviderWiringCheckTest {

    @Test
    void aProviderClaimingATypeWithoutACatalogRecordFailsStartUpNamingBoth() {
        var tmdb = provider(Provider.TMDB, MediaType.MOVIE);

        assertThatThrownBy(() -> new ProviderWiringCheck(List.of(provider(Provider.JIKAN, MediaType.ANIME, MediaType.MANGA), tmdb)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TMDB claims MOVIE")
                .hasMessageContaining("no catalog record");
    }

    @Test
    void theWorkerDoesNotStartWithSuchAProvider() {
        new ApplicationContextRunner()
                .withBean("tmdb", MetadataProvider.class, () -> provider(Provider.TMDB, MediaType.MOVIE))
                .withUserConfiguration(ProviderWiringCheck.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("TMDB claims MOVIE");
                });
    }

    @Test
    void catalogTypesWithoutAProviderAreLoggedOnceAsAWarning(CapturedOutput output) {
        var check = new ProviderWiringCheck(withOtherCatalogTypes(provider(Provider.JIKAN, MediaType.ANIME)));

        assertThat(check.catalogTypesWithoutProvider()).containsExactly(MediaType.MANGA);
        assertThat(output.getOut().lines().filter(line -> line.contains("No provider in this deployment")))
                .singleElement().asString()
                .contains("WARN", "[MANGA]", "MEDIA_TYPE_NOT_SUPPORTED", "ANIME (JIKAN)");
    }

    @Test
    void whenEveryCatalogTypeHasAProviderThatIsSaidOnceAtInfo(CapturedOutput output) {
        var check = new ProviderWiringCheck(withOtherCatalogTypes(provider(Provider.JIKAN, MediaType.ANIME, MediaType.MANGA)));

        assertThat(check.catalogTypesWithoutProvider()).isEmpty();
        assertThat(output.getOut().lines().filter(line -> line.contains("Providers serve every catalog type")))
                .singleElement().asString()
                .contains("INFO", "ANIME (JIKAN)", "MANGA (JIKAN)");
    }

    /** {@code jikan} plus a stand-in provider for every other catalog type (those other providers serve). */
    private static List<MetadataProvider> withOtherCatalogTypes(MetadataProvider jikan) {
        List<MetadataProvider> providers = new java.util.ArrayList<>(List.of(jikan));
        for (MediaType type : MediaType.values()) {
            if (type.provider() != Provider.JIKAN && type.catalogType().isPresent()) {
                providers.add(provider(type.provider(), type));
            }
        }
        return providers;
    }

    private static MetadataProvider provider(Provider provider, MediaType... types) {
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
            public CatalogItem fetch(MediaKey key) {
                throw new UnsupportedOperationException("the wiring check never fetches");
            }
        };
    }
}
