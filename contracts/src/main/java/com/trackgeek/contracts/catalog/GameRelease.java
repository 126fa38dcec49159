package com.trackgeek.contracts.catalog;

import java.time.Instant;

/**
 * The release of the game on one platform in one region.
 *
 * @param date   when, as IGDB dates it (midnight UTC of the day, as a rule); null when only {@code human} is known
 * @param human  IGDB's own wording, e.g. "Apr 20, 2018" or "2025" or "TBD"
 * @param status IGDB's word for the release ("Full Release", "Early Access", ...), or null
 */
public record GameRelease(Long igdbId, Instant date, String human, GameReference platform, String region, String status) {
}
