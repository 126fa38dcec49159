package com.trackgeek.contracts.catalog;

/**
 * How the game can be played together on one platform (null where IGDB did not say). The maxima are
 * player counts.
 */
public record GameMultiplayerMode(GameReference platform, Boolean campaignCoop, Boolean dropIn, Boolean lanCoop,
                                  Boolean offlineCoop, Integer offlineCoopMax, Integer offlineMax,
                                  Boolean onlineCoop, Integer onlineCoopMax, Integer onlineMax,
                                  Boolean splitscreen, Boolean splitscreenOnline) {
}
