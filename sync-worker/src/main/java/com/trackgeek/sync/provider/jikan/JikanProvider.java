package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.media.FetchedItem;
import com.trackgeek.sync.provider.MetadataProvider;

import java.util.Set;

/**
 * MyAnimeList data through Jikan: an anime is its {@code /full} body plus its characters, staff and videos.
 */
final class JikanProvider implements MetadataProvider {

    private final JikanClient client;

    JikanProvider(JikanClient client) {
        this.client = client;
    }

    @Override
    public Provider provider() {
        return Provider.JIKAN;
    }

    @Override
    public Set<MediaType> mediaTypes() {
        return Set.of(MediaType.ANIME);
    }

    @Override
    public FetchedItem fetch(MediaKey key) {
        if (key.type() != MediaType.ANIME) {
            throw new IllegalArgumentException("Jikan provider fetches anime only, not " + key);
        }
        long malId = key.id();
        // The detail body first: if Jikan does not know the id, the other three calls are not spent.
        var full = client.animeFull(malId);
        return JikanAnimeMapper.toAnime(full, client.characters(malId), client.staff(malId), client.videos(malId));
    }
}
