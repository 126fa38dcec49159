package com.trackgeek.simulator.igdb;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Turns a game recorded with {@code fields *} (every reference a bare id) into the expanded shape the worker's
 * query gets: each bare id becomes an object with that id and, where the referenced thing has a name, a
 * synthesised one ("Genre 31"), since the recording does not say. The old numeric {@code category} becomes
 * {@code game_type} with IGDB's name for it, and the old single {@code collection} joins {@code collections}.
 * Values the recording has (dates, texts, ratings) are kept as recorded.
 */
final class BareIdExpansion {

    /** Reference lists whose objects carry a {@code name}, with the label of the synthesised names. */
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("genres", "Genre"), Map.entry("themes", "Theme"), Map.entry("keywords", "Keyword"),
            Map.entry("player_perspectives", "Perspective"), Map.entry("game_modes", "Game mode"),
            Map.entry("platforms", "Platform"), Map.entry("franchises", "Franchise"), Map.entry("collections", "Collection"),
            Map.entry("game_engines", "Engine"), Map.entry("alternative_names", "Alternative name"),
            Map.entry("videos", "Video"), Map.entry("similar_games", "Game"), Map.entry("dlcs", "Game"),
            Map.entry("expansions", "Game"), Map.entry("expanded_games", "Game"), Map.entry("standalone_expansions", "Game"),
            Map.entry("remakes", "Game"), Map.entry("remasters", "Game"), Map.entry("ports", "Game"), Map.entry("forks", "Game"),
            Map.entry("bundles", "Game"));
    /** Reference lists whose objects are only their id here (nothing named to synthesise). */
    private static final String[] UNNAMED = {"age_ratings", "release_dates", "external_games", "websites"};
    private static final String[] IMAGES = {"screenshots", "artworks"};
    /** IGDB's game types by their old {@code category} number. */
    private static final String[] GAME_TYPES = {"Main Game", "DLC", "Expansion", "Bundle", "Standalone Expansion",
            "Mod", "Episode", "Season", "Remake", "Remaster", "Expanded Game", "Port", "Fork", "Pack", "Update"};

    private BareIdExpansion() {
    }

    static ObjectNode expand(ObjectNode game) {
        JsonNode collection = game.remove("collection");
        if (collection != null && collection.isIntegralNumber()) {
            ArrayNode collections = game.has("collections") ? (ArrayNode) game.get("collections") : game.putArray("collections");
            collections.add(collection.asLong());
        }
        JsonNode category = game.remove("category");
        if (category != null && category.isIntegralNumber() && category.asInt() >= 0 && category.asInt() < GAME_TYPES.length) {
            game.putObject("game_type").put("id", category.asInt()).put("type", GAME_TYPES[category.asInt()]);
        }
        NAMED.forEach((field, label) -> expandList(game, field, (array, id) -> array.addObject().put("id", id).put("name", label + " " + id)));
        for (String field : UNNAMED) {
            expandList(game, field, (array, id) -> array.addObject().put("id", id));
        }
        for (String field : IMAGES) {
            expandList(game, field, (array, id) -> image(array.addObject(), id));
        }
        expandList(game, "involved_companies", (array, id) -> array.addObject().put("id", id)
                .putObject("company").put("id", id).put("name", "Company " + id));
        if (game.path("cover").isIntegralNumber()) {
            long id = game.get("cover").asLong();
            image(game.putObject("cover"), id);
        }
        if (game.path("franchise").isIntegralNumber()) {
            long id = game.get("franchise").asLong();
            game.putObject("franchise").put("id", id).put("name", "Franchise " + id);
        }
        if (game.path("parent_game").isIntegralNumber()) {
            long id = game.get("parent_game").asLong();
            game.putObject("parent_game").put("id", id).put("name", "Game " + id);
        }
        return game;
    }

    private static ObjectNode image(ObjectNode image, long id) {
        String imageId = "im" + Long.toString(id, 36);
        return image.put("id", id).put("image_id", imageId).put("url", "//images.igdb.com/igdb/image/upload/t_thumb/" + imageId + ".jpg");
    }

    private interface Adder {
        void add(ArrayNode array, long id);
    }

    private static void expandList(ObjectNode game, String field, Adder adder) {
        JsonNode values = game.get(field);
        if (values == null || !values.isArray()) {
            return;
        }
        ArrayNode expanded = game.putArray(field);
        for (JsonNode value : values) {
            if (value.isIntegralNumber()) {
                adder.add(expanded, value.asLong());
            } else {
                expanded.add(value);
            }
        }
    }
}
