/**
 * Keeping every provider within its documented limits: each provider's windows become one Bucket4j bucket,
 * kept in PostgreSQL and shared by every worker replica, that every request of that provider passes through,
 * retries included; people first where its tokens are taken; and IGDB's in-flight limit, shared the same way.
 */
package com.trackgeek.sync.ratelimit;
