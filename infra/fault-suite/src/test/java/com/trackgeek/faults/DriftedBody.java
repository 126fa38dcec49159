package com.trackgeek.faults;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.simulator.EmbeddedSimulator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real provider body a {@link Drift} starts from: one recorded fixture per media type the pipeline fetches by
 * path, where in it the item's fields are ({@code data} for Jikan, the root for TMDB), and which of its fields are
 * the id, the title, a number, a list and the long text.
 *
 * @param type        the media type
 * @param fixture     the recorded body, relative to the shared fixtures folder
 * @param path        the provider path the pipeline fetches the item's main body from, {@code %d} the id
 * @param envelope    the field the item sits under, or null for the root
 * @param recordedId  the id the recording names (the simulator serves it, under another id, as the "stored earlier" item)
 */
record DriftedBody(MediaType type, String fixture, String path, String envelope, String idField, String titleField,
                   String numberField, String listField, String textField, long recordedId) {

    static final DriftedBody TMDB_MOVIE = new DriftedBody(MediaType.MOVIE, "tmdb/movie-671-harry-potter-philosophers-stone.json",
            "/tmdb/3/movie/%d", null, "id", "title", "runtime", "genres", "overview", 671);
    /** The show's body and its seasons share the path (seasons are appended): a drifted show fails before any season. */
    static final DriftedBody TMDB_TV = new DriftedBody(MediaType.TV_SHOW, "tmdb/tv-4607-lost.json",
            "/tmdb/3/tv/%d", null, "id", "name", "number_of_seasons", "genres", "overview", 4607);
    /** {@code /anime/{id}/full}; the characters, staff and videos the fetch asks for after it stay the simulator's. */
    static final DriftedBody JIKAN_ANIME = new DriftedBody(MediaType.ANIME, "jikan/anime-5114-fmab-full-readme-example.json",
            "/jikan/v4/anime/%d/full", "data", "mal_id", "title", "episodes", "genres", "synopsis", 5114);
    static final DriftedBody JIKAN_MANGA = new DriftedBody(MediaType.MANGA, "jikan/manga-25-fullmetal-alchemist.json",
            "/jikan/v4/manga/%d/full", "data", "mal_id", "title", "chapters", "genres", "synopsis", 25);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The recorded body, naming {@code id} instead of the recorded item's id. */
    ObjectNode recorded(long id) {
        Path file = Path.of(System.getProperty(EmbeddedSimulator.FIXTURES_PROPERTY, "../../../shared/fixtures")).resolve(fixture);
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(Files.readString(file));
            item(body).put(idField, id);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the fixture " + file.toAbsolutePath(), e);
        }
    }

    /** The object holding the item's fields. */
    ObjectNode item(ObjectNode body) {
        return envelope == null ? body : (ObjectNode) body.get(envelope);
    }

    /** The provider path of {@code id}, as a script rule's regex. */
    String pathOf(long id) {
        return path.formatted(id);
    }
}
