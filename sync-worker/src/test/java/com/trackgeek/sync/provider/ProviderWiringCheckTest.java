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
        MediaType uncatalogued = uncatalogued();
        var claiming = provider(uncatalogued.provider(), uncatalogued);

        assertThatThrownBy(() -> new ProviderWiringCheck(List.of(provider(Provider.JIKAN, MediaType.ANIME, MediaType.MANGA), claiming)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(uncatalogued.provider() + " claims " + uncatalogued)
                .hasMessageContaining("no catalog record");
    }

    @Test
    void theWorkerDoesNotStartWithSuchAProvider() {
        MediaType uncatalogued = uncatalogued();
        new ApplicationContextRunner()
                .withBean("claiming", MetadataProvider.class, () -> provider(uncatalogued.provider(), uncatalogued))
                .withUserConfiguration(ProviderWiringCheck.class)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining(uncatalogued.provider() + " claims " + uncatalogued);
                });
    }

    @Test
    void catalogTypesWithoutAProviderAreLoggedOnceAsAWarning(CapturedOutput output) {
        var check = new ProviderWiringCheck(List.of(provider(Provider.JIKAN, MediaType.ANIME)));

        assertThat(check.catalogTypesWithoutProvider()).contains(MediaType.MANGA).doesNotContain(MediaType.ANIME)
                .containsExactlyElementsOf(catalogued().stream().filter(type -> type != MediaType.ANIME).toList());
        assertThat(output.getOut().lines().filter(line -> line.contains("No provider in this deployment")))
                .singleElement().asString()
                .contains("WARN", "MANGA", "MEDIA_TYPE_NOT_SUPPORTED", "ANIME (JIKAN)");
    }

    @Test
    void whenEveryCatalogTypeHasAProviderThatIsSaidOnceAtInfo(CapturedOutput output) {
        var providers = catalogued().stream().map(type -> provider(type.provider(), type)).toList();
        var check = new ProviderWiringCheck(providers);

        assertThat(check.catalogTypesWithoutProvider()).isEmpty();
        assertThat(output.getOut().lines().filter(line -> line.contains("Providers serve every catalog type")))
                .singleElement().asString()
                .contains("INFO", "ANIME (JIKAN)", "MANGA (JIKAN)");
    }

    /** The types with a catalog record, in declaration order. */
    private static List<MediaType> catalogued() {
        return java.util.Arrays.stream(MediaType.values()).filter(type -> type.catalogType().isPresent()).toList();
    }

    /** A type still without a catalog record; the tests needing one are skipped once every type has one. */
    private static MediaType uncatalogued() {
        var type = java.util.Arrays.stream(MediaType.values()).filter(candidate -> candidate.catalogType().isEmpty()).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(type.isPresent(), "every media type has a catalog record");
        return type.get();
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
