-- Scale-out: rows whose only job is to let the database decide races between nodes sharing it.
-- Portable SQL only: runs on H2 (PostgreSQL mode) and PostgreSQL. V6xx is the scale-out range.

-- One row per quota scope (e.g. "ivs:channels:<account>:<region>"). A create that must stay within a count
-- locks its scope's row (select ... for update) before counting, so two nodes cannot both see room for one more.
create table onair_scope_lock (
    scope varchar(512) primary key
);

-- At most one live publisher per channel across all nodes: the primary key decides a first claim, a conditional
-- update (expires_at in the past) decides a takeover. A node renews its leases while the broadcast runs; when
-- the node dies, the lease expires and a surviving node ends the session and finalises the recording.
create table live_publisher_lease (
    channel_arn varchar(128) primary key,
    node_id     varchar(64)  not null,
    session_id  varchar(64)  not null,
    claimed_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);
create index live_publisher_lease_expiry on live_publisher_lease (expires_at);
