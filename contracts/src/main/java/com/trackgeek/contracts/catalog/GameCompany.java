package com.trackgeek.contracts.catalog;

/**
 * A company involved in making or publishing the game, with IGDB's flags for its roles (null where IGDB
 * did not say).
 */
public record GameCompany(Long igdbId, String name, Boolean developer, Boolean publisher, Boolean porting,
                          Boolean supporting) {
}
