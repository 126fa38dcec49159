package com.trackgeek.contracts.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The small list rules every catalog record follows. */
final class Lists {

    private Lists() {
    }

    /** Lists in the catalog are never null: absent means empty. */
    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    static List<String> names(List<MalEntry> entries) {
        return entries.stream().filter(Objects::nonNull).map(MalEntry::name).filter(Objects::nonNull).toList();
    }

    /** The distinct titles other than the main one, in the provider's order. */
    static List<String> titlesOtherThan(String main, List<Title> titles) {
        Set<String> distinct = new LinkedHashSet<>();
        for (Title title : titles) {
            if (title != null && title.title() != null && !title.title().isBlank() && !title.title().equals(main)) {
                distinct.add(title.title());
            }
        }
        return List.copyOf(distinct);
    }

    /** MyAnimeList items (anime, manga) describe themselves by the same parts. */
    static ItemDescription malDescription(String title, List<Title> titles, String type, List<MalEntry> genres,
                                          List<MalEntry> themes, List<MalEntry> demographics, String synopsis) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("Genres", names(genres));
        tags.put("Themes", names(themes));
        tags.put("Demographics", names(demographics));
        List<String> names = titles.stream().filter(Objects::nonNull).map(Title::title).filter(Objects::nonNull).toList();
        return new ItemDescription(title, names, type, tags, synopsis);
    }
}
