package com.trackgeek.contracts.catalog;

/**
 * Another game this one is related to (a DLC, a port, a remake, a similar game, ...), as far as IGDB
 * describes it inline: enough to show and link it without fetching it.
 *
 * @param coverUrl absolute (https) URL of its cover, or null
 */
public record GameRelation(Long igdbId, String name, String slug, String coverUrl) {
}
