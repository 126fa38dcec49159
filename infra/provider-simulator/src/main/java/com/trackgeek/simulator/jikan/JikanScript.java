package com.trackgeek.simulator.jikan;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * What a test asks of the simulated Jikan beyond {@link com.trackgeek.simulator.ProviderScript}'s
 * HTTP-level answers: real recorded items under ids of the test's choosing. A test that needs "a complete,
 * real anime" takes FMA:B's recorded body under a fresh id, so it owns that id (its call counts, its sync
 * state) without sharing it with other tests, and without a hand-made stub that could drift from Jikan.
 *
 * <p>One instance per simulator; thread-safe. Changes apply to the next request.
 */
public final class JikanScript {

    private record Item(JikanKind kind, long id) {
    }

    /** The id segment of an item's MAL page: {@code https://myanimelist.net/anime/5114/...}. */
    private static final Pattern ITEM_PAGE = Pattern.compile("^(https?://myanimelist\\.net/(?:anime|manga)/)\\d+");

    private final Map<Item, Long> standIns = new ConcurrentHashMap<>();
    private final JikanFixtures fixtures;
    private final JikanProperties properties;

    JikanScript(JikanFixtures fixtures, JikanProperties properties) {
        this.fixtures = fixtures;
        this.properties = properties;
    }

    /**
     * From now on {@code id} is answered with the body of {@code recordedId}: its {@code /full} and plain
     * bodies with {@code mal_id}, and the id in its {@code url}, replaced by {@code id}; its recorded
     * sub-resources ({@code /characters}, {@code /staff}, {@code /videos}), or where none is recorded the
     * ones synthesised for {@code recordedId}. Works for any {@code id}, even above
     * {@code not-found-above-id}. Lists (seasons, top, search) are not affected.
     *
     * @param kind       {@code "anime"} or {@code "manga"}
     * @param id         the id the test will fetch
     * @param recordedId normally a recorded item (anime 5114 FMA:B, manga 25 Fullmetal Alchemist); any id the
     *                   simulator serves works, synthesised ones too
     * @throws IllegalArgumentException for another kind, an id below 1, or a {@code recordedId} the simulator
     *                                  does not have
     */
    public void serveRecordedAs(String kind, long id, long recordedId) {
        JikanKind parsed = parse(kind);
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        if (fixtures.item(parsed, recordedId).isEmpty() && !properties.exists(recordedId)) {
            throw new IllegalArgumentException("The simulator has no " + parsed.path() + " " + recordedId
                    + " to serve as " + id + ": neither recorded nor within simulator.jikan.not-found-above-id");
        }
        standIns.put(new Item(parsed, id), recordedId);
    }

    /**
     * The ids of the real items of a kind: every anime or manga found in the fixture files (details, searches,
     * season pages), as opposed to the synthesised ones the simulator makes up for any other id.
     *
     * @param kind {@code "anime"} or {@code "manga"}
     */
    public Set<Long> recordedIds(String kind) {
        return Set.copyOf((parse(kind) == JikanKind.ANIME ? fixtures.anime() : fixtures.manga()).keySet());
    }

    private static JikanKind parse(String kind) {
        return JikanKind.ofPath(kind == null ? "" : kind.toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new IllegalArgumentException("kind must be \"anime\" or \"manga\": " + kind));
    }

    /** Forgets every {@link #serveRecordedAs}: each id answers as itself again. */
    public void reset() {
        standIns.clear();
    }

    /** The id whose body {@code id} is answered with: a stand-in's, else its own. */
    long sourceOf(JikanKind kind, long id) {
        return standIns.getOrDefault(new Item(kind, id), id);
    }

    boolean hasStandIn(JikanKind kind, long id) {
        return standIns.containsKey(new Item(kind, id));
    }

    /**
     * The body to serve for {@code id}.
     *
     * @param ownBody an item's own body by id (shared nodes allowed: a stand-in's is copied before renumbering)
     */
    ObjectNode bodyFor(JikanKind kind, long id, LongFunction<ObjectNode> ownBody) {
        Long recordedId = standIns.get(new Item(kind, id));
        if (recordedId == null) {
            return ownBody.apply(id);
        }
        return renumbered(ownBody.apply(recordedId), id);
    }

    /** A copy of {@code body} describing {@code id}: its mal_id and the id segment of its MAL url. */
    static ObjectNode renumbered(ObjectNode body, long id) {
        ObjectNode copy = body.deepCopy();
        copy.put("mal_id", id);
        JsonNode url = copy.get("url");
        if (url != null && url.isString()) {
            copy.put("url", ITEM_PAGE.matcher(url.stringValue()).replaceFirst("$1" + id));
        }
        return copy;
    }
}
