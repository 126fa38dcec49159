package com.trackgeek.simulator.hardcover;

import com.trackgeek.simulator.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every book the simulated Hardcover knows: the recorded ones ({@code books-by-id-*.json}, each the body of a
 * {@code books_by_pk} query) as recorded, and deterministic synthesised ones for the other ids up to
 * {@code not-found-above-id}. A synthesised book whose id appears in a recorded {@code user-books-*.json}
 * takes its title, slug and cover from there.
 */
final class HardcoverBooks {

    private static final long SALT = 0xB00CL;
    /** How many books {@link #trending()} ranks. */
    static final int TRENDING_SIZE = 300;
    private static final List<String> ADJECTIVES = List.of("Silent", "Crimson", "Hidden", "Last", "Golden", "Broken",
            "Distant", "Winter", "Burning", "Lost", "Quiet", "Iron");
    private static final List<String> NOUNS = List.of("Orchard", "Harbor", "Library", "Compass", "River", "Kingdom",
            "Lantern", "Garden", "Archive", "Mountain", "Letter", "Tide");
    private static final List<String> FORMATS = List.of("Hardcover", "Paperback", "Mass Market Paperback");

    private final JsonMapper json;
    private final HardcoverProperties properties;
    private final Map<Long, ObjectNode> recorded = new HashMap<>();
    private final Map<Long, JsonNode> listed = new HashMap<>();

    HardcoverBooks(Path fixtures, JsonMapper json, HardcoverProperties properties) {
        this.json = json;
        this.properties = properties;
        if (Files.isDirectory(fixtures)) {
            load(fixtures);
        }
    }

    /** The book as Hardcover's {@code books} would list it, every field of it; empty when Hardcover has none. */
    Optional<ObjectNode> book(long id) {
        ObjectNode fixture = recorded.get(id);
        if (fixture != null) {
            return Optional.of(fixture.deepCopy());
        }
        return properties.exists(id) ? Optional.of(synthesised(id)) : Optional.empty();
    }

    /**
     * The books whose title matches a SQL ILIKE {@code pattern} ({@code %} any text, {@code _} one character,
     * a backslash escaping the next), case-insensitively: the recorded and listed books and the synthesised ones
     * up to {@code searchable-books}, by id, from {@code offset}, at most {@code limit}; each the book fetched by
     * id, so a hit and its fetch agree.
     */
    List<ObjectNode> search(String pattern, int limit, int offset) {
        Pattern matcher = ilike(pattern);
        java.util.TreeSet<Long> candidates = new java.util.TreeSet<>(recorded.keySet());
        candidates.addAll(listed.keySet());
        for (long id = 1; id <= Math.min(properties.searchableBooks(), properties.notFoundAboveId()); id++) {
            candidates.add(id);
        }
        return candidates.stream()
                .filter(id -> recorded.containsKey(id) || properties.exists(id))
                .filter(id -> matcher.matcher(titleOf(id)).matches())
                .skip(offset)
                .limit(limit)
                .map(id -> book(id).orElseThrow())
                .toList();
    }

    /**
     * The ids {@code books_trending} ranks, whatever the dates: the recorded books, then those the recorded shelves
     * list, then synthesised ones (every 37th id from 5), {@value #TRENDING_SIZE} in all; each a book served by id.
     */
    List<Long> trending() {
        java.util.LinkedHashSet<Long> ids = new java.util.LinkedHashSet<>(new java.util.TreeSet<>(recorded.keySet()));
        new java.util.TreeSet<>(listed.keySet()).stream().filter(id -> book(id).isPresent()).forEach(ids::add);
        for (long id = 5; ids.size() < TRENDING_SIZE && properties.exists(id); id += 37) {
            ids.add(id);
        }
        return List.copyOf(ids).subList(0, Math.min(TRENDING_SIZE, ids.size()));
    }

    private String titleOf(long id) {
        ObjectNode fixture = recorded.get(id);
        if (fixture != null) {
            return fixture.path("title").asString("");
        }
        JsonNode seen = listed.get(id);
        if (seen != null) {
            return seen.get("title").asString();
        }
        // The same first two draws as synthesised(id): the title a fetch by id answers.
        SplittableRandom dice = Seeds.random(properties.seed(), id, SALT);
        return "The " + pick(dice, ADJECTIVES) + " " + pick(dice, NOUNS);
    }

    private static Pattern ilike(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private void load(Path fixtures) {
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("books-by-id-") && name.endsWith(".json")) {
                    JsonNode book = json.readTree(file.toFile()).at("/data/books_by_pk");
                    if (book instanceof ObjectNode object && object.path("id").canConvertToLong()) {
                        recorded.put(object.get("id").asLong(), object);
                    }
                } else if (name.startsWith("user-books-") && name.endsWith(".json")) {
                    for (JsonNode row : json.readTree(file.toFile()).at("/data/user_books")) {
                        JsonNode book = row.path("book");
                        if (book.path("id").canConvertToLong() && book.path("title").isString()) {
                            listed.putIfAbsent(book.get("id").asLong(), book);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Hardcover fixtures in " + fixtures, e);
        }
    }

    private ObjectNode synthesised(long id) {
        SplittableRandom dice = Seeds.random(properties.seed(), id, SALT);
        JsonNode seen = listed.get(id);
        String title = seen != null ? seen.get("title").asString()
                : "The " + pick(dice, ADJECTIVES) + " " + pick(dice, NOUNS);
        String slug = seen != null && seen.path("slug").isString() ? seen.get("slug").asString() : slug(title) + "-" + id;
        int pages = 80 + dice.nextInt(900);
        LocalDate released = LocalDate.of(1950 + dice.nextInt(75), 1 + dice.nextInt(12), 1 + dice.nextInt(28));
        int editionCount = 1 + dice.nextInt(4);
        boolean audio = dice.nextBoolean();

        ArrayNode editions = json.createArrayNode();
        for (int i = 0; i < editionCount; i++) {
            editions.add(json.createObjectNode().put("id", editionId(id, i)).set("image", image(editionId(id, i))));
        }
        ObjectNode book = json.createObjectNode()
                .put("id", id)
                .put("title", title)
                .putNull("subtitle");
        book.set("alternative_titles", json.createArrayNode());
        book.put("slug", slug)
                .put("state", "normalized")
                .put("description", "A synthesised book of the TrackGeek provider simulator: " + title + ", "
                        + pages + " pages, first published in " + released.getYear() + ".")
                .putNull("headline")
                .put("pages", pages);
        if (audio) {
            book.put("audio_seconds", pages * 110);
        } else {
            book.putNull("audio_seconds");
        }
        book.put("release_date", released.toString())
                .put("release_year", released.getYear())
                .put("book_category_id", 1)
                .put("literary_type_id", 1 + dice.nextInt(2))
                .put("compilation", false);
        ObjectNode cover = edition(id, 0, pages, released, dice);
        book.set("default_audio_edition", audio ? audioEdition(id, pages) : null);
        book.set("default_cover_edition", cover);
        book.set("default_ebook_edition", null);
        book.set("default_physical_edition", cover.deepCopy());
        book.set("editions", editions);
        book.set("image", seen != null && seen.path("image").isObject() ? seen.get("image").deepCopy() : image(editionId(id, 0)));
        book.set("featured_book_series", null);
        book.set("links", json.createArrayNode());
        book.putNull("canonical_id");
        book.put("editions_count", editionCount);
        return book;
    }

    private ObjectNode edition(long bookId, int index, int pages, LocalDate released, SplittableRandom dice) {
        long id = editionId(bookId, index);
        ObjectNode edition = json.createObjectNode()
                .put("id", id)
                .put("isbn_13", String.format(Locale.ROOT, "979%010d", id % 10_000_000_000L))
                .putNull("asin")
                .put("edition_format", pick(dice, FORMATS))
                .put("reading_format_id", 1)
                .put("pages", pages)
                .putNull("audio_seconds")
                .put("release_date", released.toString());
        edition.set("image", image(id));
        return edition;
    }

    private ObjectNode audioEdition(long bookId, int pages) {
        ObjectNode edition = json.createObjectNode()
                .put("id", editionId(bookId, 9))
                .putNull("isbn_13")
                .put("asin", String.format(Locale.ROOT, "B0%08d", bookId % 100_000_000L))
                .put("edition_format", "Audible Audio")
                .put("reading_format_id", 2)
                .putNull("pages")
                .put("audio_seconds", pages * 110)
                .putNull("release_date");
        edition.set("image", null);
        return edition;
    }

    private ObjectNode image(long editionId) {
        return json.createObjectNode().put("url", "https://assets.hardcover.app/editions/" + editionId + "/synthetic.jpg");
    }

    /** Edition ids of synthesised books never meet recorded ones: they live far above Hardcover's. */
    private static long editionId(long bookId, int index) {
        return 900_000_000L + bookId * 10 + index;
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String pick(SplittableRandom dice, List<String> values) {
        return values.get(dice.nextInt(values.size()));
    }
}
