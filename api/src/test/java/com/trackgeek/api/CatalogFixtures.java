package com.trackgeek.api;

import com.trackgeek.contracts.catalog.Anime;
import com.trackgeek.contracts.catalog.Character;
import com.trackgeek.contracts.catalog.DateRange;
import com.trackgeek.contracts.catalog.Link;
import com.trackgeek.contracts.catalog.MalEntry;
import com.trackgeek.contracts.catalog.Manga;
import com.trackgeek.contracts.catalog.Person;
import com.trackgeek.contracts.catalog.Relation;
import com.trackgeek.contracts.catalog.StaffMember;
import com.trackgeek.contracts.catalog.Title;
import com.trackgeek.contracts.catalog.Trailer;
import com.trackgeek.contracts.catalog.VoiceActor;
import com.trackgeek.testsupport.Fixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Catalog records as the sync worker would store them, built from the real Jikan bodies in the fixtures
 * folder: FMA:B's {@code /anime/5114/full} (with SAO's recorded characters and staff, the only ones recorded)
 * and FMA's {@code /manga/25/full}, under whatever id and title a test needs. The mapping is by hand and partial on purpose (the worker's mapper is not this module's): it
 * covers every kind of value a record holds, which is what the API's generic read path must pass through.
 */
public final class CatalogFixtures {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode FMAB = JSON.readTree(Fixtures.body("jikan/anime-5114-fmab-full-readme-example.json")).get("data");
    private static final JsonNode FMA_MANGA = JSON.readTree(Fixtures.body("jikan/manga-25-fma-full-constructed.json")).get("data");
    private static final JsonNode SAO_CHARACTERS = JSON.readTree(Fixtures.body("jikan/anime-11757-sao-characters.json")).get("data");
    private static final JsonNode SAO_STAFF = JSON.readTree(Fixtures.body("jikan/anime-11757-sao-staff.json")).get("data");

    private CatalogFixtures() {
    }

    /** FMA:B as anime {@code malId}, called {@code title}. */
    public static Anime anime(long malId, String title) {
        return anime(malId, title, titles(FMAB, title));
    }

    /** FMA:B as anime {@code malId}, called {@code title} and known by {@code titles} (the default one included). */
    public static Anime anime(long malId, String title, List<Title> titles) {
        JsonNode a = FMAB;
        JsonNode trailer = a.get("trailer");
        JsonNode broadcast = a.get("broadcast");
        JsonNode theme = a.get("theme");
        return new Anime(malId, text(a, "url"), text(a.get("images").get("jpg"), "image_url"),
                new Trailer(text(trailer, "youtube_id"), text(trailer, "url"), text(trailer, "embed_url"),
                        text(trailer.get("images"), "image_url")),
                title, titles, text(a, "type"), text(a, "source"), a.get("episodes").asInt(),
                text(a, "status"), a.get("airing").asBoolean(), dates(a.get("aired")),
                text(a, "duration"), text(a, "rating"), a.get("score").decimalValue(), a.get("scored_by").asInt(),
                a.get("rank").asInt(), a.get("popularity").asInt(), a.get("members").asInt(), a.get("favorites").asInt(),
                text(a, "synopsis"), text(a, "background"), text(a, "season"), a.get("year").asInt(),
                new Anime.Broadcast(text(broadcast, "day"), text(broadcast, "time"), text(broadcast, "timezone"),
                        text(broadcast, "string")),
                entries(a, "producers"), entries(a, "licensors"), entries(a, "studios"), entries(a, "genres"),
                entries(a, "explicit_genres"), entries(a, "themes"), entries(a, "demographics"), relations(a),
                new Anime.Theme(strings(theme, "openings"), strings(theme, "endings")),
                links(a), characters(), staff(), null);
    }

    /** FMA (the manga) as manga {@code malId}, called {@code title}. */
    public static Manga manga(long malId, String title) {
        JsonNode m = FMA_MANGA;
        return new Manga(malId, text(m, "url"), text(m.get("images").get("jpg"), "image_url"), title, titles(m, title),
                text(m, "type"), m.get("chapters").asInt(), m.get("volumes").asInt(), text(m, "status"),
                m.get("publishing").asBoolean(), dates(m.get("published")), m.get("score").decimalValue(),
                m.get("scored_by").asInt(), m.get("rank").asInt(), m.get("popularity").asInt(), m.get("members").asInt(),
                m.get("favorites").asInt(), text(m, "synopsis"), text(m, "background"), entries(m, "authors"),
                entries(m, "serializations"), entries(m, "genres"), entries(m, "explicit_genres"), entries(m, "themes"),
                entries(m, "demographics"), relations(m), links(m), List.of());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** The body's titles, with the default one renamed as the test wants. */
    private static List<Title> titles(JsonNode item, String title) {
        return list(item.get("titles"), t -> new Title(text(t, "type"),
                "Default".equals(text(t, "type")) ? title : text(t, "title")));
    }

    private static DateRange dates(JsonNode range) {
        return new DateRange(instant(range, "from"), instant(range, "to"), text(range, "string"));
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : java.time.OffsetDateTime.parse(value).toInstant();
    }

    private static List<MalEntry> entries(JsonNode item, String field) {
        return list(item.get(field), CatalogFixtures::entry);
    }

    private static MalEntry entry(JsonNode e) {
        return new MalEntry(e.get("mal_id").asLong(), text(e, "type"), text(e, "name"), text(e, "url"));
    }

    private static List<Relation> relations(JsonNode item) {
        return list(item.get("relations"), r -> new Relation(text(r, "relation"), list(r.get("entry"), CatalogFixtures::entry)));
    }

    private static List<Link> links(JsonNode item) {
        return list(item.get("external"), l -> new Link(text(l, "name"), text(l, "url")));
    }

    private static List<Character> characters() {
        return list(SAO_CHARACTERS, c -> {
            JsonNode character = c.get("character");
            return new Character(character.get("mal_id").asLong(), text(character, "name"), text(character, "url"),
                    text(character.get("images").get("jpg"), "image_url"), text(c, "role"),
                    list(c.get("voice_actors"), v -> new VoiceActor(person(v.get("person")), text(v, "language"))));
        });
    }

    private static List<StaffMember> staff() {
        return list(SAO_STAFF, s -> new StaffMember(person(s.get("person")), strings(s, "positions")));
    }

    private static Person person(JsonNode p) {
        return new Person(p.get("mal_id").asLong(), text(p, "name"), text(p, "url"), text(p.get("images").get("jpg"), "image_url"));
    }

    private static List<String> strings(JsonNode node, String field) {
        return list(node.get(field), JsonNode::asString);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        List<T> values = new ArrayList<>();
        if (array != null) {
            array.forEach(node -> values.add(element.apply(node)));
        }
        return values;
    }
}
