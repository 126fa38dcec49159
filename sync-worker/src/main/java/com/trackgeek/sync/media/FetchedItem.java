package com.trackgeek.sync.media;

import com.trackgeek.contracts.MediaKey;

/** An item as a provider described it, normalised into our model and ready to be stored. */
public interface FetchedItem {

    MediaKey key();
}
