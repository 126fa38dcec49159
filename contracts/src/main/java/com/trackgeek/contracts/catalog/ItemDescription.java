package com.trackgeek.contracts.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of an item describes it well enough to find similar ones: its names, its kind, its tags (genres,
 * themes, ...) and its story. Scores, dates and people are left out on purpose: two titles are not similar
 * because they came out in the same season. Every media type describes itself in these terms, so one text
 * format serves them all and the embedding worker never names a type's fields.
 *
 * @param tags labelled lists in the order they appear in the text, e.g. {@code Genres -> [Action, Drama]}
 */
public record ItemDescription(String title, List<String> alternativeTitles, String kind,
                              Map<String, List<String>> tags, String synopsis) {

    // MAL appends this credit to many synopses; the same words in every text would pull unrelated items together.
    private static final Pattern REWRITE_CREDIT = Pattern.compile("\\s*\\[Written by MAL Rewrite]\\s*$");

    public ItemDescription {
        alternativeTitles = alternativeTitles == null ? List.of() : alternativeTitles;
        tags = tags == null ? Map.of() : new LinkedHashMap<>(tags);
    }

    /** The text the embedding is computed from; equal descriptions give equal texts. */
    public String toText() {
        List<String> lines = new ArrayList<>();
        addIfPresent(lines, "", title);
        List<String> otherTitles = otherTitles();
        if (!otherTitles.isEmpty()) {
            lines.add("Also known as: " + String.join("; ", otherTitles));
        }
        addIfPresent(lines, "Type: ", kind);
        tags.forEach((label, values) -> addList(lines, label + ": ", values));
        if (synopsis != null) {
            addIfPresent(lines, "", REWRITE_CREDIT.matcher(synopsis.strip()).replaceFirst(""));
        }
        return String.join("\n", lines);
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
        if (values == null) {
            return;
        }
        List<String> present = values.stream().filter(Objects::nonNull).filter(value -> !value.isBlank())
                .map(String::strip).toList();
        if (!present.isEmpty()) {
            lines.add(label + String.join(", ", present));
        }
    }
}
