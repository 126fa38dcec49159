package com.trackgeek.simulator.tmdb;

import com.trackgeek.simulator.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Movies, shows and seasons TMDB would answer for ids nobody recorded, in TMDB's shape and derived only
 * from (seed, id): the same id is the same item on every request, in any order, in any JVM. A season is
 * derived from its show's {@code seasons} entry, so a show and its seasons always agree (episode counts,
 * air dates, names), recorded shows' missing seasons included.
 */
final class SyntheticTmdb {

    private static final long MOVIE = 0x30F1EL;
    private static final long SHOW = 0x5A0BL;
    private static final long SEASON = 0x5EA5L;
    private static final List<String> ADJECTIVES = List.of("Silent", "Last", "Hidden", "Broken", "Golden", "Northern",
            "Secret", "Distant", "Burning", "Frozen", "Lost", "Electric");
    private static final List<String> NOUNS = List.of("Harbor", "Signal", "Empire", "River", "Garden", "Protocol",
            "Kingdom", "Orbit", "Witness", "Frontier", "Archive", "Lighthouse");
    private static final List<Map.Entry<Integer, String>> MOVIE_GENRES = List.of(Map.entry(28, "Action"),
            Map.entry(12, "Adventure"), Map.entry(35, "Comedy"), Map.entry(18, "Drama"), Map.entry(878, "Science Fiction"));
    private static final List<Map.Entry<Integer, String>> TV_GENRES = List.of(Map.entry(10759, "Action & Adventure"),
            Map.entry(35, "Comedy"), Map.entry(80, "Crime"), Map.entry(18, "Drama"), Map.entry(9648, "Mystery"));

    private final long seed;
    private final JsonMapper json;

    SyntheticTmdb(long seed, JsonMapper json) {
        this.seed = seed;
        this.json = json;
    }

    ObjectNode movie(long id) {
        SplittableRandom dice = Seeds.random(seed, id, MOVIE);
        String title = title(dice);
        LocalDate released = LocalDate.of(1960, 1, 1).plusDays(dice.nextInt(365 * 64));
        ObjectNode movie = json.createObjectNode();
        movie.put("adult", false);
        movie.put("backdrop_path", "/synthetic-movie-" + id + "-backdrop.jpg");
        movie.putNull("belongs_to_collection");
        movie.put("budget", 1_000_000L * dice.nextInt(1, 200));
        movie.set("genres", genres(dice, MOVIE_GENRES));
        movie.put("homepage", "");
        movie.put("id", id);
        movie.put("imdb_id", "tt" + (1_000_000 + id % 9_000_000));
        movie.put("original_language", "en");
        movie.put("original_title", title);
        movie.put("overview", "A synthesised movie: " + title + ".");
        movie.put("popularity", dice.nextInt(1, 100_000) / 1000.0);
        movie.put("poster_path", "/synthetic-movie-" + id + ".jpg");
        movie.set("production_companies", json.createArrayNode().add(company(1_000 + id % 97, "Synthetic Pictures " + id % 97)));
        movie.set("production_countries", json.createArrayNode().add(country()));
        movie.put("release_date", released.toString());
        movie.put("revenue", 1_000_000L * dice.nextInt(0, 900));
        movie.put("runtime", dice.nextInt(80, 180));
        movie.set("spoken_languages", json.createArrayNode().add(english()));
        movie.put("status", "Released");
        movie.put("tagline", "");
        movie.put("title", title);
        movie.put("video", false);
        movie.put("vote_average", dice.nextInt(10, 100) / 10.0);
        movie.put("vote_count", dice.nextInt(0, 20_000));
        return movie;
    }

    /**
     * @param seasons  how many regular seasons (numbered from 1)
     * @param recorded recorded season bodies of this id, whose values its {@code seasons} entries then carry
     */
    ObjectNode show(long id, int seasons, Map<Integer, ObjectNode> recorded) {
        SplittableRandom dice = Seeds.random(seed, id, SHOW);
        String name = title(dice);
        LocalDate firstAired = LocalDate.of(1970, 1, 1).plusDays(dice.nextInt(365 * 50));
        ArrayNode summaries = json.createArrayNode();
        int episodes = 0;
        for (int number = 1; number <= seasons; number++) {
            ObjectNode summary = recorded.containsKey(number) ? summaryOf(recorded.get(number))
                    : summary(id, number, firstAired.plusYears(number - 1), 6 + dice.nextInt(7));
            episodes += summary.get("episode_count").asInt();
            summaries.add(summary);
        }
        ObjectNode lastSeason = (ObjectNode) summaries.get(summaries.size() - 1);
        JsonNode lastEpisodes = recorded.containsKey(seasons) ? recorded.get(seasons).get("episodes")
                : season(id, lastSeason).get("episodes");
        ObjectNode show = json.createObjectNode();
        show.put("adult", false);
        show.put("backdrop_path", "/synthetic-tv-" + id + "-backdrop.jpg");
        show.set("created_by", json.createArrayNode().add(json.createObjectNode().put("id", 2_000_000 + id % 1000)
                .put("credit_id", "synthetic-creator-" + id).put("name", "Creator " + id % 1000).put("gender", 0)
                .putNull("profile_path")));
        show.set("episode_run_time", json.createArrayNode().add(dice.nextInt(20, 60)));
        show.put("first_air_date", summaries.get(0).get("air_date").asString());
        show.set("genres", genres(dice, TV_GENRES));
        show.put("homepage", "");
        show.put("id", id);
        show.put("in_production", false);
        show.set("languages", json.createArrayNode().add("en"));
        String lastAirDate = lastEpisodes.isEmpty() ? lastSeason.get("air_date").asString()
                : lastEpisodes.get(lastEpisodes.size() - 1).get("air_date").asString();
        show.put("last_air_date", lastAirDate);
        show.set("last_episode_to_air", lastEpisodes.isEmpty() ? null : toAir(lastEpisodes.get(lastEpisodes.size() - 1)));
        show.put("name", name);
        show.putNull("next_episode_to_air");
        show.set("networks", json.createArrayNode().add(json.createObjectNode().put("name", "Synthetic Network")
                .put("id", 9_000 + id % 13).putNull("logo_path").put("origin_country", "US")));
        show.put("number_of_episodes", episodes);
        show.put("number_of_seasons", seasons);
        show.set("origin_country", json.createArrayNode().add("US"));
        show.put("original_language", "en");
        show.put("original_name", name);
        show.put("overview", "A synthesised show: " + name + ".");
        show.put("popularity", dice.nextInt(1, 100_000) / 1000.0);
        show.put("poster_path", "/synthetic-tv-" + id + ".jpg");
        show.set("production_companies", json.createArrayNode().add(company(3_000 + id % 89, "Synthetic Television " + id % 89)));
        show.set("production_countries", json.createArrayNode().add(country()));
        show.set("seasons", summaries);
        show.set("spoken_languages", json.createArrayNode().add(english()));
        show.put("status", "Ended");
        show.put("tagline", "");
        show.put("type", "Scripted");
        show.put("vote_average", dice.nextInt(10, 100) / 10.0);
        show.put("vote_count", dice.nextInt(0, 5_000));
        return show;
    }

    /** The body of {@code /tv/{id}/season/{n}} agreeing with the show's entry for that season. */
    ObjectNode season(long showId, JsonNode summary) {
        int number = summary.get("season_number").asInt();
        long seasonId = summary.get("id").asLong();
        SplittableRandom dice = Seeds.random(seed, seasonId, SEASON);
        String airDate = summary.path("air_date").asString("");
        ArrayNode episodes = json.createArrayNode();
        for (int episode = 1; episode <= summary.path("episode_count").asInt(0); episode++) {
            ObjectNode entry = json.createObjectNode();
            entry.put("air_date", airDate.isEmpty() ? "" : LocalDate.parse(airDate).plusWeeks(episode - 1).toString());
            entry.put("episode_number", episode);
            entry.set("crew", json.createArrayNode());
            entry.set("guest_stars", json.createArrayNode());
            entry.put("id", seasonId * 1000 + episode);
            entry.put("name", "Chapter " + episode);
            entry.put("overview", "Episode " + episode + " of season " + number + ".");
            entry.put("production_code", "");
            entry.put("runtime", dice.nextInt(20, 60));
            entry.put("season_number", number);
            entry.put("show_id", showId);
            entry.put("still_path", "/synthetic-tv-" + showId + "-s" + number + "e" + episode + ".jpg");
            entry.put("vote_average", dice.nextInt(10, 100) / 10.0);
            entry.put("vote_count", dice.nextInt(0, 100));
            episodes.add(entry);
        }
        ObjectNode season = json.createObjectNode();
        season.put("_id", "synthetic-" + seasonId);
        season.put("air_date", airDate);
        season.set("episodes", episodes);
        season.put("name", summary.path("name").asString("Season " + number));
        season.put("overview", summary.path("overview").asString(""));
        season.put("id", seasonId);
        season.set("poster_path", summary.get("poster_path"));
        season.put("season_number", number);
        return season;
    }

    /** Credits of a synthesised item: one actor and one director. */
    ObjectNode credits(long id) {
        ObjectNode credits = json.createObjectNode();
        credits.put("id", id);
        credits.set("cast", json.createArrayNode().add(json.createObjectNode().put("adult", false).put("gender", 0)
                .put("id", 4_000_000 + id % 1000).put("known_for_department", "Acting").put("name", "Actor " + id % 1000)
                .put("original_name", "Actor " + id % 1000).put("popularity", 1.0).putNull("profile_path")
                .put("character", "Lead").put("credit_id", "synthetic-cast-" + id).put("order", 0)));
        credits.set("crew", json.createArrayNode().add(json.createObjectNode().put("adult", false).put("gender", 0)
                .put("id", 5_000_000 + id % 1000).put("known_for_department", "Directing").put("name", "Director " + id % 1000)
                .put("original_name", "Director " + id % 1000).put("popularity", 1.0).putNull("profile_path")
                .put("credit_id", "synthetic-crew-" + id).put("department", "Directing").put("job", "Director")));
        return credits;
    }

    ObjectNode noCredits(long id) {
        return json.createObjectNode().put("id", id).<ObjectNode>set("cast", json.createArrayNode()).set("crew", json.createArrayNode());
    }

    ObjectNode noVideos(long id) {
        return json.createObjectNode().put("id", id).set("results", json.createArrayNode());
    }

    private ObjectNode summary(long showId, int number, LocalDate airDate, int episodes) {
        return json.createObjectNode()
                .put("air_date", airDate.toString())
                .put("episode_count", episodes)
                .put("id", showId * 100 + number)
                .put("name", "Season " + number)
                .put("overview", "")
                .put("poster_path", "/synthetic-tv-" + showId + "-s" + number + ".jpg")
                .put("season_number", number);
    }

    private ObjectNode summaryOf(ObjectNode season) {
        return json.createObjectNode()
                .put("air_date", season.path("air_date").asString(""))
                .put("episode_count", season.path("episodes").size())
                .put("id", season.path("id").asLong())
                .put("name", season.path("name").asString(""))
                .put("overview", season.path("overview").asString(""))
                .<ObjectNode>set("poster_path", season.get("poster_path"))
                .put("season_number", season.path("season_number").asInt());
    }

    private ObjectNode toAir(JsonNode episode) {
        ObjectNode toAir = json.createObjectNode();
        for (String field : List.of("air_date", "episode_number", "id", "name", "overview", "production_code",
                "season_number", "still_path", "vote_average", "vote_count")) {
            toAir.set(field, episode.get(field));
        }
        return toAir;
    }

    private String title(SplittableRandom dice) {
        return "The " + ADJECTIVES.get(dice.nextInt(ADJECTIVES.size())) + " " + NOUNS.get(dice.nextInt(NOUNS.size()));
    }

    private ArrayNode genres(SplittableRandom dice, List<Map.Entry<Integer, String>> known) {
        ArrayNode genres = json.createArrayNode();
        int first = dice.nextInt(known.size());
        for (int i = 0; i < 2; i++) {
            var genre = known.get((first + i) % known.size());
            genres.add(json.createObjectNode().put("id", genre.getKey()).put("name", genre.getValue()));
        }
        return genres;
    }

    private ObjectNode company(long id, String name) {
        return json.createObjectNode().put("id", id).putNull("logo_path").put("name", name).put("origin_country", "US");
    }

    private ObjectNode country() {
        return json.createObjectNode().put("iso_3166_1", "US").put("name", "United States of America");
    }

    private ObjectNode english() {
        return json.createObjectNode().put("english_name", "English").put("iso_639_1", "en").put("name", "English");
    }
}
