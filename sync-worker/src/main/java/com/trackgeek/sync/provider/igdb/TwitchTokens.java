package com.trackgeek.sync.provider.igdb;

import com.trackgeek.contracts.Provider;
import com.trackgeek.sync.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one Twitch app token every worker replica uses for IGDB, kept in PostgreSQL ({@code provider_token}).
 * Twitch app tokens last about two months and are plentiful, but each replica asking for its own at start-up
 * multiplies tokens and requests for nothing; one shared token is also what lets a replica that got a 401
 * tell whether another replica already replaced it.
 *
 * <p>A token is used until {@code renewalMargin} before it expires, or until IGDB refuses it. Renewal takes
 * {@code pg_advisory_xact_lock} on this provider's key, reads the stored token again, and only if that one
 * is still the stale or refused token asks Twitch for a new one and stores it, all in one transaction: two
 * replicas renewing together make one Twitch request, the second one reads the first one's token. Within a
 * replica a lock keeps threads from queueing on the database for the same renewal. Plain JDBC: provider
 * packages do not use the worker's store abstractions, and this is two statements.
 */
final class TwitchTokens {

    private static final Logger log = LoggerFactory.getLogger(TwitchTokens.class);

    private final String key;
    private final DataSource dataSource;
    private final TwitchTokenClient twitch;
    private final Duration renewalMargin;
    private final Clock clock;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile AccessToken cached;

    /**
     * @param key the row of {@code provider_token}: {@code igdb} in a deployment (tests use their own keys)
     */
    TwitchTokens(String key, DataSource dataSource, TwitchTokenClient twitch, Duration renewalMargin, Clock clock) {
        this.key = key;
        this.dataSource = dataSource;
        this.twitch = twitch;
        this.renewalMargin = renewalMargin;
        this.clock = clock;
    }

    /** A token that is not about to expire: this replica's copy, the shared one, or a new one. */
    AccessToken current() {
        AccessToken token = cached;
        if (token != null && fresh(token)) {
            return token;
        }
        return renew(null);
    }

    /**
     * A token other than {@code refused} (IGDB answered 401 with it): the shared one if another replica has
     * already replaced it, else a new one from Twitch.
     */
    AccessToken replace(AccessToken refused) {
        return renew(refused);
    }

    private boolean fresh(AccessToken token) {
        return token.validAt(clock.instant().plus(renewalMargin));
    }

    private boolean usable(AccessToken token, AccessToken refused) {
        return token != null && fresh(token) && !token.sameValue(refused);
    }

    private AccessToken renew(AccessToken refused) {
        renewing.lock();
        try {
            AccessToken local = cached;
            if (usable(local, refused)) {
                return local; // another thread of this replica renewed it meanwhile
            }
            AccessToken token = renewShared(refused);
            cached = token;
            return token;
        } finally {
            renewing.unlock();
        }
    }

    private AccessToken renewShared(AccessToken refused) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                AccessToken token = renewLocked(connection, refused);
                connection.commit();
                return token;
            } catch (SQLException | RuntimeException failure) {
                connection.rollback();
                throw failure;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException failure) {
            // The SQL state only: a driver's detail can quote a row, and a row here holds a token.
            log.warn("The shared IGDB token could not be read or stored: SQL state {}", failure.getSQLState());
            throw ProviderException.unavailable(Provider.IGDB, "the shared Twitch token could not be read or stored"
                    + " (database error " + failure.getSQLState() + ")", null);
        }
    }

    private AccessToken renewLocked(Connection connection, AccessToken refused) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "trackgeek.provider_token." + key);
            lock.execute();
        }
        AccessToken stored = null;
        try (PreparedStatement read = connection.prepareStatement(
                "select access_token, expires_at from provider_token where provider = ? and client_id = ?")) {
            read.setString(1, key);
            read.setString(2, twitch.clientId());
            try (ResultSet row = read.executeQuery()) {
                if (row.next()) {
                    stored = new AccessToken(row.getString(1), row.getTimestamp(2).toInstant());
                }
            }
        }
        if (usable(stored, refused)) {
            return stored;
        }
        log.info("Asking Twitch for a new IGDB app token ({})", stored == null ? "none stored"
                : stored.sameValue(refused) ? "IGDB refused the stored one" : "the stored one expires at " + stored.expiresAt());
        AccessToken fresh = twitch.requestToken();
        try (PreparedStatement write = connection.prepareStatement("""
                insert into provider_token (provider, client_id, access_token, expires_at, obtained_at)
                values (?, ?, ?, ?, now())
                on conflict (provider) do update set client_id = excluded.client_id, access_token = excluded.access_token,
                    expires_at = excluded.expires_at, obtained_at = excluded.obtained_at""")) {
            write.setString(1, key);
            write.setString(2, twitch.clientId());
            write.setString(3, fresh.value());
            write.setTimestamp(4, Timestamp.from(fresh.expiresAt()));
            write.executeUpdate();
        }
        log.info("Stored a new IGDB app token for every replica, valid until {}", fresh.expiresAt());
        return fresh;
    }
}
