package com.trackgeek.sync.drift;

import com.trackgeek.contracts.catalog.CatalogItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the drift rules compare, read from any catalog record alike: its alternative titles through
 * {@link CatalogItem}, its genres and counts from the record's JSON (the stored document's shape) by field name, so a
 * new media type is covered by naming its count fields here and no rule changes.
 *
 * @param alternativeTitles how many other names the item has
 * @param genres            how many entries its {@code genres} field has (0 when it has none or no such field)
 * @param counts            each count field the record has, by name (null read as 0)
 * @param knownStatus       the provider's status wording is there and not "unknown"
 */
record ItemFacts(int alternativeTitles, int genres, Map<String, Long> counts, boolean knownStatus) {

    /** The count fields of the catalog records: anime and show episodes, show seasons, manga chapters and volumes, book pages. */
    static final List<String> COUNT_FIELDS = List.of("numberOfEpisodes", "numberOfSeasons", "chapters", "volumes", "pages");

    static ItemFacts of(CatalogItem item, JsonMapper json) {
        JsonNode document = json.valueToTree(item);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String field : COUNT_FIELDS) {
            if (document.has(field)) {
                JsonNode value = document.get(field);
                counts.put(field, value.isNumber() ? value.asLong() : 0L);
            }
        }
        JsonNode genres = document.path("genres");
        String status = item.releaseStatus();
        return new ItemFacts(item.alternativeTitles() == null ? 0 : item.alternativeTitles().size(),
                genres.isArray() ? genres.size() : 0, Map.copyOf(counts),
                status != null && !status.isBlank() && !"unknown".equals(status.strip().toLowerCase(Locale.ROOT)));
    }
}
