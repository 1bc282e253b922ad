-- Live streams across nodes: the publisher lease also carries what other nodes need to answer GetStream and
-- ListStreams, to forward playback (node_address) and to steer the broadcast (stop_requested, polled with each
-- heartbeat). Portable SQL only (H2 in PostgreSQL mode and PostgreSQL).
alter table live_publisher_lease add column node_address varchar(256);
alter table live_publisher_lease add column stream_key_arn varchar(256);
alter table live_publisher_lease add column started_at timestamp with time zone;
alter table live_publisher_lease add column health varchar(16);
alter table live_publisher_lease add column viewer_count bigint not null default 0;
alter table live_publisher_lease add column stop_requested boolean not null default false;
