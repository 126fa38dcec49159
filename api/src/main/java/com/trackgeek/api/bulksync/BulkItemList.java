package com.trackgeek.api.bulksync;

import java.util.List;

/**
 * One page of a job's items, in the order the job listed them.
 *
 * @param page  the page number, from 0
 * @param total how many of the job's items match the filter, over all pages
 */
record BulkItemList(List<BulkItemView> items, int page, int size, long total) {
}
