package com.trackgeek.simulator.igdb;

import com.trackgeek.simulator.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Every game the simulated IGDB knows, in the expanded shape the worker's query asks for: the games of the
 * recorded expanded answers by id (the first recording of an id wins), with the one reference those
 * recordings left bare, {@code release_dates[].platform}, expanded from the game's own platform list; any
 * other id up to {@code not-found-above-id} synthesised from the seed, the same on every call. The recorded
 * unexpanded answers ({@code fields *}, bare ids everywhere) are served too, their ids expanded to objects
 * with synthesised names ({@link BareIdExpansion}), for ids no expanded recording has.
 */
final class IgdbGames {

    /** The recorded answers whose references are expanded, most detailed first. */
    static final List<String> EXPANDED_FIXTURES = List.of(
            "games-19560-god-of-war-details.json",
            "games-search-god-of-war.json",
            "games-search-paper-mario-expanded-2024-02.json",
            "games-search-mario-many-expanded-2024.json");
    /** The recorded answers to {@code fields *}: every reference a bare id, expanded by {@link BareIdExpansion}. */
    static final List<String> UNEXPANDED_FIXTURES = List.of(
            "games-7346-zelda-botw-unexpanded-ids.json",
            "games-search-super-unexpanded.json",
            "games-list-5-unexpanded.json",
            "games-search-wwe-smackdown-unexpanded-2023.json");

    private static final String[] GENRES = {"Shooter", "Platform", "Puzzle", "Racing", "Role-playing (RPG)",
            "Strategy", "Adventure", "Indie", "Simulator", "Fighting"};
    private static final String[] PLATFORMS = {"PC (Microsoft Windows)", "PlayStation 4", "Xbox One",
            "Nintendo Switch", "PlayStation 5", "Linux", "Mac"};
    private static final String[] THEMES = {"Action", "Fantasy", "Science fiction", "Horror", "Comedy", "Open world"};
    private static final String[] MODES = {"Single player", "Multiplayer", "Co-operative", "Split screen"};
    private static final String[] WORDS = {"Iron", "Crystal", "Shadow", "Star", "Echo", "River", "Forge", "Ember",
            "Quest", "Legends", "Frontier", "Drift"};
    /**
     * Synthesised games with ids up to this one are rated ({@code total_rating}) and popular enough for IGDB's
     * popularity list: {@link IgdbLists} lists them with the recorded games.
     */
    static final long RATED_BAND = 20_000;
    private static final long RATING_SALT = 0x5A7EL;
    private static final long POPULARITY_SALT = 0x909L;
    private static final long FIRST_DAY = 631152000L; // 1990-01-01
    private static final long LAST_DAY = 1735689600L; // 2025-01-01

    /**
     * The recorded searches, by the text searched (lower case): the ids in IGDB's recorded order. Every game of
     * them is also served by id, so a hit and its fetch agree.
     */
    static final Map<String, String> RECORDED_SEARCHES = Map.of(
            "god of war", "games-search-god-of-war.json",
            "mario", "games-search-mario-many-expanded-2024.json",
            "paper mario", "games-search-paper-mario-expanded-2024-02.json",
            "super", "games-search-super-unexpanded.json",
            "wwe smackdown", "games-search-wwe-smackdown-unexpanded-2023.json");

    private final Map<Long, ObjectNode> recorded;
    private final Map<String, List<Long>> searches;
    private final IgdbProperties properties;
    private final JsonMapper json;

    IgdbGames(Path fixtures, IgdbProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.recorded = load(fixtures, json);
        this.searches = loadSearches(fixtures, json);
    }

    /**
     * The ids IGDB answered to {@code search "text"} as recorded (text compared case-insensitively, blanks
     * collapsed); empty for a text no recording has: the fake invents no hits a fetch by id would contradict.
     */
    List<Long> search(String text) {
        String normalised = text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return searches.getOrDefault(normalised, List.of());
    }

    private static Map<String, List<Long>> loadSearches(Path fixtures, JsonMapper json) {
        Map<String, List<Long>> searches = new HashMap<>();
        RECORDED_SEARCHES.forEach((text, fixture) -> {
            Path file = fixtures.resolve(fixture);
            if (Files.isReadable(file)) {
                List<Long> ids = new java.util.ArrayList<>();
                for (JsonNode game : json.readTree(file.toFile())) {
                    if (game.path("id").isIntegralNumber()) {
                        ids.add(game.get("id").asLong());
                    }
                }
                searches.put(text, List.copyOf(ids));
            }
        });
        return Map.copyOf(searches);
    }

    /** Every recorded game's id, ascending. */
    List<Long> recordedIds() {
        return recorded.keySet().stream().sorted().toList();
    }

    /**
     * The {@code total_rating} the game answered for {@code id} has: a recorded game's own, a synthesised game's
     * in the rated band ({@link #RATED_BAND}) drawn from the seed; none otherwise.
     */
    OptionalDouble totalRating(long id) {
        ObjectNode game = recorded.get(id);
        if (game != null) {
            return game.path("total_rating").isNumber()
                    ? OptionalDouble.of(game.get("total_rating").asDouble()) : OptionalDouble.empty();
        }
        if (id > RATED_BAND || !properties.exists(id)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.round(Seeds.random(properties.seed(), id, RATING_SALT).nextDouble(30, 98) * 1e6) / 1e6);
    }

    /** IGDB's visits popularity of a listed game (recorded, or synthesised in the rated band): drawn from the seed. */
    double popularity(long id) {
        return Math.round(Seeds.random(properties.seed(), id, POPULARITY_SALT).nextDouble(0, 0.01) * 1e9) / 1e9;
    }

    boolean isRecorded(long id) {
        return recorded.containsKey(id);
    }

    /** The game answered for {@code id}, described as {@code id}; empty when IGDB would leave it out. */
    Optional<ObjectNode> game(long id, Long standInFor) {
        if (standInFor != null) {
            ObjectNode copy = recorded.get(standInFor).deepCopy();
            copy.put("id", id);
            return Optional.of(copy);
        }
        ObjectNode game = recorded.get(id);
        if (game != null) {
            return Optional.of(game.deepCopy());
        }
        return properties.exists(id) ? Optional.of(synthesise(id)) : Optional.empty();
    }

    private static Map<Long, ObjectNode> load(Path fixtures, JsonMapper json) {
        Map<Long, ObjectNode> games = new HashMap<>();
        for (String fixture : EXPANDED_FIXTURES) {
            Path file = fixtures.resolve(fixture);
            if (!Files.isReadable(file)) {
                continue; // synthesised games only
            }
            JsonNode answer = json.readTree(file.toFile());
            for (JsonNode game : answer) {
                if (game instanceof ObjectNode object && game.path("id").isIntegralNumber()) {
                    games.putIfAbsent(game.get("id").asLong(), expandReleasePlatforms(object));
                }
            }
        }
        for (String fixture : UNEXPANDED_FIXTURES) {
            Path file = fixtures.resolve(fixture);
            if (Files.isReadable(file)) {
                for (JsonNode game : json.readTree(file.toFile())) {
                    if (game instanceof ObjectNode object && game.path("id").isIntegralNumber()) {
                        games.putIfAbsent(game.get("id").asLong(), BareIdExpansion.expand(object));
                    }
                }
            }
        }
        return Map.copyOf(games);
    }

    /** {@code "platform": 48} becomes {@code {"id": 48, "name": "PlayStation 4"}}, the name from the game's platforms. */
    private static ObjectNode expandReleasePlatforms(ObjectNode game) {
        Map<Long, String> names = new HashMap<>();
        for (JsonNode platform : game.path("platforms")) {
            if (platform.isObject() && platform.has("name")) {
                names.put(platform.get("id").asLong(), platform.get("name").asString());
            }
        }
        for (JsonNode release : game.path("release_dates")) {
            JsonNode platform = release.get("platform");
            if (release instanceof ObjectNode object && platform != null && platform.isIntegralNumber()) {
                ObjectNode expanded = object.putObject("platform");
                expanded.put("id", platform.asLong());
                if (names.containsKey(platform.asLong())) {
                    expanded.put("name", names.get(platform.asLong()));
                }
            }
        }
        return game;
    }

    private ObjectNode synthesise(long id) {
        SplittableRandom dice = Seeds.random(properties.seed(), id, 0x16DBL);
        ObjectNode game = json.createObjectNode();
        game.put("id", id);
        String name = WORDS[dice.nextInt(WORDS.length)] + " " + WORDS[dice.nextInt(WORDS.length)] + " " + id;
        game.put("name", name);
        game.put("slug", name.toLowerCase().replace(' ', '-'));
        game.put("url", "https://www.igdb.com/games/" + name.toLowerCase().replace(' ', '-'));
        game.put("summary", "A synthesised game of the provider simulator, number " + id + ".");
        long released = FIRST_DAY + dice.nextLong((LAST_DAY - FIRST_DAY) / 86400) * 86400;
        game.put("first_release_date", released);
        // Last edited the day it was released (before 2025): older than any range a test reads the change feed for.
        game.put("updated_at", released);
        game.putObject("game_type").put("id", 0).put("type", "Main Game");
        String imageId = "co" + Long.toString(id, 36);
        game.putObject("cover").put("id", id).put("image_id", imageId)
                .put("url", "//images.igdb.com/igdb/image/upload/t_thumb/" + imageId + ".jpg");
        totalRating(id).ifPresent(rating -> game.put("total_rating", rating).put("total_rating_count", 1 + id % 211));
        named(game.putArray("genres"), dice, GENRES, 1);
        named(game.putArray("themes"), dice, THEMES, 20);
        named(game.putArray("game_modes"), dice, MODES, 1);
        ArrayNode platforms = named(game.putArray("platforms"), dice, PLATFORMS, 100);
        ArrayNode releases = game.putArray("release_dates");
        for (JsonNode platform : platforms) {
            ObjectNode release = releases.addObject();
            release.put("id", id * 10 + platform.get("id").asLong());
            release.put("date", released);
            release.putObject("platform").put("id", platform.get("id").asLong()).put("name", platform.get("name").asString());
        }
        ArrayNode companies = game.putArray("involved_companies");
        companies.addObject().put("id", id * 10 + 1).put("developer", true).put("publisher", false)
                .putObject("company").put("id", 1000 + id % 97).put("name", WORDS[dice.nextInt(WORDS.length)] + " Studios");
        companies.addObject().put("id", id * 10 + 2).put("developer", false).put("publisher", true)
                .putObject("company").put("id", 2000 + id % 89).put("name", WORDS[dice.nextInt(WORDS.length)] + " Publishing");
        return game;
    }

    /** One to three distinct entries of {@code names}, ids offset by {@code idBase}, as IGDB expands them. */
    private static ArrayNode named(ArrayNode array, SplittableRandom dice, String[] names, int idBase) {
        int count = 1 + dice.nextInt(Math.min(3, names.length));
        int start = dice.nextInt(names.length);
        for (int i = 0; i < count; i++) {
            int index = (start + i) % names.length;
            array.addObject().put("id", idBase + index).put("name", names[index]);
        }
        return array;
    }
}
