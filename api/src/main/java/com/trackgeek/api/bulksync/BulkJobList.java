package com.trackgeek.api.bulksync;

import java.util.List;

/**
 * One page of bulk jobs, newest first.
 *
 * @param page  the page number, from 0
 * @param total how many jobs match the filter, over all pages
 */
record BulkJobList(List<BulkJobView> items, int page, int size, long total) {
}
