package com.trackgeek.sync.provider.jikan;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * MyAnimeList data through Jikan: an anime is its {@code /full} body plus its characters, staff and videos;
 * a manga is its {@code /full} body plus its characters. Both go through one client, so they spend one
 * rate-limit budget, as Jikan counts them.
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
        return Set.of(MediaType.ANIME, MediaType.MANGA);
    }

    @Override
    public CatalogItem fetch(MediaKey key) {
        long malId = key.id();
        // The detail body first: if Jikan does not know the id, the other calls are not spent.
        return switch (key.type()) {
            case ANIME -> {
                var full = client.animeFull(malId);
                var characters = client.animeCharacters(malId);
                var staff = client.animeStaff(malId);
                var videos = client.animeVideos(malId);
                yield mapped(key, () -> JikanAnimeMapper.toAnime(full, characters, staff, videos));
            }
            case MANGA -> {
                var full = client.mangaFull(malId);
                var characters = client.mangaCharacters(malId);
                yield mapped(key, () -> JikanMangaMapper.toManga(full, characters));
            }
            default -> throw new IllegalArgumentException("Jikan fetches anime and manga, not " + key);
        };
    }

    /**
     * The bodies parsed into Jikan's documented types, so a failure while mapping them can only come from a
     * shape we did not foresee: that is a payload problem of this item, reported as such, never a crash of
     * the consumer that would retry the same body.
     */
    private static CatalogItem mapped(MediaKey key, Supplier<CatalogItem> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException unforeseen) {
            throw ProviderException.invalidPayload(Provider.JIKAN, "the bodies of " + key + " cannot be mapped: " + unforeseen, unforeseen);
        }
    }
}
