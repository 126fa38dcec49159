package com.trackgeek.sync.provider.igdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Apicalypse body of a {@code POST /v4/games} for some ids: the expanded field list of
 * {@code games-fields.apicalypse} (read once; every field the catalog's {@code Game} stores), then
 * {@code where id = (1,2,3); limit N;}. IGDB answers the games it has, in no promised order, and simply
 * leaves out the ids it does not know.
 */
final class IgdbQuery {

    /** IGDB's largest {@code limit}: one call answers at most this many games. */
    static final int MAX_IDS = 500;

    private static final String FIELDS = read("games-fields.apicalypse");

    private IgdbQuery() {
    }

    static String gamesById(List<Long> ids) {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("one IGDB query takes 1 to " + MAX_IDS + " ids, not " + ids.size());
        }
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return FIELDS + "\nwhere id = (" + list + ");\nlimit " + ids.size() + ";\n";
    }

    /**
     * The same fields for IGDB's full-text {@code search "..."} (IGDB ranks by relevance; a search allows no
     * {@code sort}), one page of {@code limit} from {@code offset}. Quotes and backslashes in the text are escaped.
     */
    static String search(String text, int limit, int offset) {
        if (limit < 1 || limit > MAX_IDS || offset < 0) {
            throw new IllegalArgumentException("an IGDB search takes a limit of 1 to " + MAX_IDS + " and an offset >= 0");
        }
        String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
        return FIELDS + "\nsearch \"" + escaped + "\";\nlimit " + limit + ";\noffset " + offset + ";\n";
    }

    /** {@code /games} by IGDB's {@code total_rating} (critics and users), best first, ids only. */
    static String idsByRating(int offset) {
        return "fields id;\nwhere total_rating != null;\nsort total_rating desc;\nlimit " + MAX_IDS + ";\noffset " + offset + ";\n";
    }

    /**
     * {@code /popularity_primitives} of one popularity type ({@code 1}: IGDB page visits), most popular first: the
     * popularity API IGDB v4 documents (the older {@code follows} and {@code hypes} counts were retired).
     */
    static String popularity(int popularityType, int offset) {
        return "fields game_id,value,popularity_type;\nwhere popularity_type = " + popularityType
                + ";\nsort value desc;\nlimit " + MAX_IDS + ";\noffset " + offset + ";\n";
    }

    /** {@code /games} with ids above {@code afterId}, ascending: IGDB's way through everything, offsets aside. */
    static String idsAfter(long afterId) {
        return "fields id;\nwhere id > " + afterId + ";\nsort id asc;\nlimit " + MAX_IDS + ";\n";
    }

    /**
     * {@code /games} changed in {@code (after, until]} (IGDB's {@code updated_at}, unix seconds), oldest change first,
     * ids only, one page of 500 from {@code offset}: the change feed's query.
     */
    static String idsUpdated(long after, long until, int offset) {
        return "fields id,updated_at;\nwhere updated_at > " + after + " & updated_at <= " + until
                + ";\nsort updated_at asc;\nlimit " + MAX_IDS + ";\noffset " + offset + ";\n";
    }

    private static String read(String resource) {
        try (InputStream in = IgdbQuery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + IgdbQuery.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
