package com.trackgeek.api.media.anime;

import java.time.Instant;

/** When an anime aired: the dates as far as known, and the provider's own wording ("Apr 5, 2009 to Jul 4, 2010"). */
record Aired(Instant from, Instant to, String text) {
}
