package com.trackgeek.sync.provider;

import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.catalog.CatalogItem;

import java.util.Optional;

/**
 * What a fetched item must be before anything of it is written, judged the same way for a person's fetch, a refresh
 * and a bulk job's item: the item that was asked for (another would be filed under the wrong id: a provider bug),
 * with a title (the store's one required column), and titles no longer than {@value #MAX_TITLE_LENGTH} characters
 * (they are the search index's text and every summary's headline; the longest real ones, light novels' and books'
 * with their subtitles, are a few hundred). Without this the store's own refusal would be an exception retried and
 * given up as {@code INTERNAL_ERROR}; here it is {@code PROVIDER_PAYLOAD_INVALID} at once, and nothing is written.
 */
public final class StorableItems {

    /** The longest title or alternative title stored, in characters. */
    public static final int MAX_TITLE_LENGTH = 1_000;

    private StorableItems() {
    }

    /** Why {@code item}, answered by {@code provider} for {@code asked}, must not be stored; empty when it may. */
    public static Optional<ProviderException> unstorable(Provider provider, MediaKey asked, CatalogItem item) {
        if (!item.key().equals(asked)) {
            return invalid(provider, "answered " + item.key() + " when asked for " + asked);
        }
        String title = item.title();
        if (title == null || title.isBlank()) {
            return invalid(provider, "answered " + asked + " without a title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            return invalid(provider, "answered " + asked + " with a title of " + title.length() + " characters (at most "
                    + MAX_TITLE_LENGTH + " are stored)");
        }
        return item.alternativeTitles().stream().filter(alternative -> alternative != null && alternative.length() > MAX_TITLE_LENGTH)
                .findFirst().flatMap(alternative -> invalid(provider, "answered " + asked + " with an alternative title of "
                        + alternative.length() + " characters (at most " + MAX_TITLE_LENGTH + " are stored)"));
    }

    private static Optional<ProviderException> invalid(Provider provider, String detail) {
        return Optional.of(ProviderException.invalidPayload(provider, detail, null));
    }
}
