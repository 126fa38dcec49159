package com.trackgeek.sync.provider.tmdb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.IdPage;
import com.trackgeek.sync.provider.ProviderException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * TMDB's whole catalog of a type from its daily id export ({@code movie_ids_MM_DD_YYYY.json.gz},
 * {@code tv_series_ids_MM_DD_YYYY.json.gz}): a gzipped file of one JSON object a line, e.g.
 * {@code {"adult":false,"id":550,"original_title":"Fight Club","popularity":61.4,"video":false}}. TMDB's API has
 * no call that lists every id, and paging its lists stops at 500 pages, so the export is the affordable way.
 *
 * <p>The file is read streaming, once per version of it (its modification time), into the ids alone (about 8 MB
 * for a million movies); pages of {@value #PAGE_SIZE} are cut from them, in the file's order. No provider call is
 * spent: the file is local, downloaded by the operator (or a cron job) from {@code files.tmdb.org}.
 */
final class TmdbIdExport {

    static final int PAGE_SIZE = 10_000;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(Long id) {
    }

    private record Loaded(FileTime modified, long[] ids) {
    }

    private final Map<MediaType, Path> files;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<MediaType, Loaded> loaded = new ConcurrentHashMap<>();

    TmdbIdExport(Map<MediaType, Path> files) {
        this.files = Map.copyOf(files);
    }

    boolean has(MediaType type) {
        return files.containsKey(type);
    }

    /** Page {@code page} (from 1) of {@value #PAGE_SIZE} ids; past the end, empty. */
    IdPage page(MediaType type, int page) {
        long[] ids = ids(type);
        int from = (int) Math.min((long) (page - 1) * PAGE_SIZE, ids.length);
        int to = Math.min(from + PAGE_SIZE, ids.length);
        return new IdPage(Arrays.stream(ids, from, to).boxed().toList(), (long) ids.length, to < ids.length);
    }

    private long[] ids(MediaType type) {
        Path file = files.get(type);
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return loaded.compute(type, (key, previous) -> previous != null && previous.modified().equals(modified)
                    ? previous : new Loaded(modified, read(file))).ids();
        } catch (IOException | UncheckedIOException | JacksonException unreadable) {
            // An operator's file, not TMDB: the job fails with this message until the file is there and whole.
            throw ProviderException.unavailable(Provider.TMDB, "the id export " + file + " cannot be read: " + unreadable, unreadable);
        }
    }

    private long[] read(Path file) {
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)));
             MappingIterator<Line> lines = json.readerFor(Line.class).readValues(in)) {
            long[] ids = new long[1 << 16];
            int count = 0;
            while (lines.hasNextValue()) {
                Long id = lines.nextValue().id();
                if (id != null) {
                    if (count == ids.length) {
                        ids = Arrays.copyOf(ids, ids.length * 2);
                    }
                    ids[count++] = id;
                }
            }
            return Arrays.copyOf(ids, count);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
