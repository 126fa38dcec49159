/**
 * Keeping every provider within its documented limits: each provider's windows become one Bucket4j bucket
 * that every request of that provider passes through, retries included.
 */
package com.trackgeek.sync.ratelimit;
