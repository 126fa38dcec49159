package com.trackgeek.servicekit.items;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.catalog.CatalogItem;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How catalog records become stored documents and back. A mapper of its own, not a service's: the stored
 * format must not change because one service configures its HTTP JSON differently. Unknown properties are
 * ignored (a newer writer may have added a field); instants are ISO-8601 strings in UTC; nulls are kept, so
 * every field of the record is visible in the document.
 */
public final class CatalogJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private CatalogJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(CatalogItem item) {
        return MAPPER.writeValueAsString(item);
    }

    /** The document of an item of {@code type} as its catalog record. */
    public static CatalogItem read(MediaType type, String document) {
        return MAPPER.readValue(document, recordOf(type));
    }

    public static Class<? extends CatalogItem> recordOf(MediaType type) {
        return type.catalogType();
    }
}
