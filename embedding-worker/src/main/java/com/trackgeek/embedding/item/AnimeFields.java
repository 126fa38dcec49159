package com.trackgeek.embedding.item;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a stored anime describes it well enough to find similar ones: its names, its kind, its genres
 * and its story. Scores, dates and people are left out on purpose: two titles are not similar because
 * they aired in the same season.
 */
record AnimeFields(String title, List<String> alternativeTitles, String type, List<String> genres,
                   List<String> themes, List<String> demographics, String synopsis) {

    // MAL appends this credit to many synopses; the same words in every text would pull unrelated items together.
    private static final Pattern REWRITE_CREDIT = Pattern.compile("\\s*\\[Written by MAL Rewrite]\\s*$");

    EmbeddingText toEmbeddingText() {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, "", title);
        List<String> otherTitles = otherTitles();
        if (!otherTitles.isEmpty()) {
            lines.add("Also known as: " + String.join("; ", otherTitles));
        }
        addIfPresent(lines, "Type: ", type);
        addList(lines, "Genres: ", genres);
        addList(lines, "Themes: ", themes);
        addList(lines, "Demographics: ", demographics);
        if (synopsis != null) {
            addIfPresent(lines, "", REWRITE_CREDIT.matcher(synopsis.strip()).replaceFirst(""));
        }
        return EmbeddingText.of(String.join("\n", lines));
    }

    /** Distinct, in stored order, without the main title: repeating a name only weights it. */
    private List<String> otherTitles() {
        Set<String> seen = new LinkedHashSet<>();
        if (title != null) {
            seen.add(title.strip().toLowerCase(Locale.ROOT));
        }
        List<String> others = new ArrayList<>();
        for (String alternative : alternativeTitles) {
            if (alternative != null && !alternative.isBlank() && seen.add(alternative.strip().toLowerCase(Locale.ROOT))) {
                others.add(alternative.strip());
            }
        }
        return others;
    }

    private static void addIfPresent(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + value.strip());
        }
    }

    private static void addList(List<String> lines, String label, List<String> values) {
        List<String> present = values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).toList();
        if (!present.isEmpty()) {
            lines.add(label + String.join(", ", present));
        }
    }
}
