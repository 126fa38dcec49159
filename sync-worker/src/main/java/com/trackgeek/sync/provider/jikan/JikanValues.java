package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.catalog.DateRange;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Person;
import com.trackgeek.contracts.catalog.Relation;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.sync.provider.jikan.JikanResponses.Images;
import com.trackgeek.sync.provider.jikan.JikanResponses.Resource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The pieces every MyAnimeList body shares (titles, named resources, relations, links, pictures, dates),
 * mapped once for the anime and the manga mapper. Null lists and null entries become empty lists and are
 * dropped: Jikan leaves many of them null for upcoming titles.
 */
final class JikanValues {

    private JikanValues() {
    }

    static List<Title> titles(List<JikanResponses.Title> titles) {
        return map(titles, title -> new Title(title.type(), title.title()));
    }

    static List<MalEntry> entries(List<Resource> resources) {
        return map(resources, resource -> new MalEntry(resource.malId(), resource.type(), resource.name(), resource.url()));
    }

    /** Related items of any media type ("Adaptation" of a manga lists anime). */
    static List<Relation> relations(List<JikanResponses.Relation> relations) {
        return map(relations, relation -> new Relation(relation.relation(), entries(relation.entry())));
    }

    static List<Link> links(List<JikanResponses.Link> links) {
        return map(links, link -> new Link(link.name(), link.url()));
    }

    static Person person(JikanResponses.Person person) {
        return person == null ? null : new Person(person.malId(), person.name(), person.url(), imageUrl(person.images()));
    }

    static DateRange dates(JikanResponses.Dates dates) {
        return dates == null ? null : new DateRange(instant(dates.from()), instant(dates.to()), dates.text());
    }

    /** The largest JPEG MyAnimeList offers; every client can show it. */
    static String imageUrl(Images images) {
        if (images == null) {
            return null;
        }
        var jpg = images.jpg();
        var webp = images.webp();
        return firstNonNull(
                jpg == null ? null : jpg.largeImageUrl(),
                jpg == null ? null : jpg.imageUrl(),
                webp == null ? null : webp.largeImageUrl(),
                webp == null ? null : webp.imageUrl());
    }

    static <A, B> List<B> map(List<A> values, Function<A, B> mapping) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(mapping).toList();
    }

    static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
