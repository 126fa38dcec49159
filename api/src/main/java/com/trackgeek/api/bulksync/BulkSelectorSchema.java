package com.trackgeek.api.bulksync;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.trackgeek.contracts.bulk.BulkSelector;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Completes the selector's schemas, which springdoc resolves from the contracts' {@link BulkSelector} records: the
 * discriminator's values are the {@code kind}s of the wire ({@code SEASON}, not the record's name {@code Season}),
 * read from the records' own {@link JsonSubTypes}, and each kind says what its record's constructor refuses, so the
 * description and the 400s agree.
 */
@Component
final class BulkSelectorSchema implements OpenApiCustomizer {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<Class<?>, String> RULES = Map.of(
            BulkSelector.Season.class, "Every anime of a broadcast season (Jikan): type ANIME only, year 1917 to 2100,"
                    + " season winter, spring, summer or fall.",
            BulkSelector.TopList.class, "One of the type's provider's ranked lists, by name (lower case), e.g."
                    + " bypopularity (Jikan), popular or top_rated (TMDB); a list the provider lacks fails the job with"
                    + " BULK_SELECTOR_NOT_SUPPORTED.",
            BulkSelector.Ids.class, "Explicit ids of one type: 1 to " + BulkSelector.MAX_IDS + " positive ids, a"
                    + " repeated id kept once.",
            BulkSelector.Catalog.class, "Every item of the type where its provider can list them affordably (IGDB;"
                    + " TMDB with its daily id export configured).");

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        Schema base = schemas == null ? null : schemas.get(BulkSelector.class.getSimpleName());
        if (base == null) {
            return; // a group of the description without the bulk syncs
        }
        List<JsonSubTypes.Type> kinds = Arrays.asList(BulkSelector.class.getAnnotation(JsonSubTypes.class).value());
        Discriminator discriminator = new Discriminator().propertyName("kind");
        kinds.forEach(kind -> discriminator.mapping(kind.name(), SCHEMAS + kind.value().getSimpleName()));
        base.discriminator(discriminator);
        base.description("Which items a bulk sync covers, named by kind: the selector of a Kafka BulkSyncRequested.");
        Schema kind = (Schema) base.getProperties().get("kind");
        if (kind != null) {
            kind.setEnum(kinds.stream().map(JsonSubTypes.Type::name).toList());
        }
        kinds.forEach(each -> {
            Schema subtype = schemas.get(each.value().getSimpleName());
            if (subtype != null) {
                subtype.description(RULES.get(each.value()));
            }
        });
    }
}
