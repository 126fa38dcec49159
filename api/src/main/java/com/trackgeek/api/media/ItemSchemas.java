package com.trackgeek.api.media;

import com.trackgeek.api.ApiPaths;
import com.trackgeek.contracts.MediaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Documents the body of {@code GET /api/v1/{type}/{id}}, which the controller only knows as bytes: one of
 * the served types' catalog records, each followed by {@link ItemMetadata}. The schemas are resolved from
 * the records themselves, so a field added to a record appears here without anyone writing it down twice.
 */
@Component
final class ItemSchemas implements OpenApiCustomizer {

    static final String ITEM_OPERATION_PATH = ApiPaths.PREFIX + "/{type}/{id}";
    private static final String SCHEMAS = "#/components/schemas/";

    private final ServedMediaTypes served;

    ItemSchemas(ServedMediaTypes served) {
        this.served = served;
    }

    @Override
    public void customise(OpenAPI openApi) {
        PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(ITEM_OPERATION_PATH);
        if (path == null || path.getGet() == null) {
            return; // a group of the description without the item read (e.g. springdoc.paths-to-match)
        }
        ModelConverters converters = ModelConverters.getInstance(openApi.getSpecVersion() == SpecVersion.V31);
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);

        String metadata = addAll(components, converters, ItemMetadata.class);
        List<Schema> items = new ArrayList<>();
        for (MediaType type : served.types()) {
            String record = addAll(components, converters, type.catalogType());
            String item = record + "Item";
            components.addSchemas(item, new Schema<>()
                    .description("A stored " + type.pathSegment() + ": the " + record + " catalog record, then "
                            + metadata + "'s fields")
                    .allOf(List.of(ref(record), ref(metadata))));
            items.add(ref(item));
        }
        document200(path.getGet(), new Schema<>().oneOf(items));
    }

    /** Adds the schemas of {@code type} and of every type it uses; the name of {@code type}'s own. */
    private static String addAll(Components components, ModelConverters converters, Class<?> type) {
        Map<String, Schema> schemas = converters.readAll(new AnnotatedType(type).resolveAsRef(true));
        schemas.forEach(components::addSchemas);
        String name = type.getSimpleName();
        if (!schemas.containsKey(name)) {
            throw new IllegalStateException("no schema named " + name + " was resolved for " + type.getName());
        }
        return name;
    }

    private static void document200(Operation operation, Schema<?> body) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        responses.addApiResponse("200", new ApiResponse()
                .description("The stored item, with its sync summary")
                .addHeaderObject("ETag", new Header()
                        .description("Strong entity tag of these exact bytes; send it back in If-None-Match")
                        .schema(new Schema<String>().type("string")))
                .addHeaderObject(Freshness.STALE_HEADER, new Header()
                        .description("true when the item is past its freshness threshold (sync.stale): the stored"
                                + " data is served and one refresh is queued in the background; absent otherwise")
                        .schema(new Schema<String>().type("string")))
                .addHeaderObject(Freshness.GONE_HEADER, new Header()
                        .description("true when the provider deleted the item (sync.gone, sync.goneAt): its last"
                                + " data is served and it is not refreshed; absent otherwise")
                        .schema(new Schema<String>().type("string")))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new io.swagger.v3.oas.models.media.MediaType().schema(body))));
        responses.addApiResponse("304", new ApiResponse()
                .description("Not modified: If-None-Match matched the current ETag; no body"));
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref(SCHEMAS + name);
    }
}
