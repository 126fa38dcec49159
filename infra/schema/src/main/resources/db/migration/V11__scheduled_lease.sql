-- Who runs a scheduled job this period, when only one instance of a service may run it (the metrics that
-- need a database query are computed by one sync worker, not by every replica on every scrape). A lease,
-- not a lock: the holder renews it each run; when it dies, another instance takes it once it expires.
create table scheduled_lease (
    name       text primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
