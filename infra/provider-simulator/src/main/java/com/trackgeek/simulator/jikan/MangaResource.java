package com.trackgeek.simulator.jikan;

import com.trackgeek.simulator.jikan.JikanValues.DateRange;
import com.trackgeek.simulator.jikan.JikanValues.Images;
import com.trackgeek.simulator.jikan.JikanValues.Link;
import com.trackgeek.simulator.jikan.JikanValues.MalUrl;
import com.trackgeek.simulator.jikan.JikanValues.Relation;
import com.trackgeek.simulator.jikan.JikanValues.Title;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * Jikan's /manga/{id}/full body, key for key and in Jikan's key order (checked against
 * fixtures/jikan/manga-25-fma-full-constructed.json, built from jikan-rest's {@code manga_full} schema and
 * its MangaFullResource). Used for synthesised items only; recorded ones are served as recorded.
 *
 * @param scored   the same value as {@code score}: Jikan still emits it, marked for removal
 * @param authors  references of type "people"
 * @param relations entries point at manga and anime alike
 */
@JsonNaming(SnakeCaseStrategy.class)
record MangaResource(
        long malId,
        String url,
        Images images,
        boolean approved,
        List<Title> titles,
        String title,
        String titleEnglish,
        String titleJapanese,
        List<String> titleSynonyms,
        String type,
        Integer chapters,
        Integer volumes,
        String status,
        boolean publishing,
        DateRange published,
        Double score,
        Double scored,
        Integer scoredBy,
        Integer rank,
        int popularity,
        int members,
        int favorites,
        String synopsis,
        String background,
        List<MalUrl> authors,
        List<MalUrl> serializations,
        List<MalUrl> genres,
        List<MalUrl> explicitGenres,
        List<MalUrl> themes,
        List<MalUrl> demographics,
        List<Relation> relations,
        List<Link> external) {
}
