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
