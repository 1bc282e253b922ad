-- IVS low-latency resources. Portable SQL only (H2 in PostgreSQL mode and PostgreSQL).
-- Every resource is keyed by its ARN; account_id and region are stored beside it because list operations and
-- quotas are scoped by them. Lists (countries, origins, renditions) are stored as comma-joined, percent-encoded
-- text: they are small, always read whole, and never queried by element.

create table ivs_channel (
    arn                             varchar(128) primary key,
    account_id                      varchar(12)  not null,
    region                          varchar(32)  not null,
    name                            varchar(128) not null,
    latency_mode                    varchar(16)  not null,
    channel_type                    varchar(16)  not null,
    recording_configuration_arn     varchar(128) not null,
    authorized                      boolean      not null,
    insecure_ingest                 boolean      not null,
    preset                          varchar(40)  not null,
    playback_restriction_policy_arn varchar(128) not null,
    multitrack_enabled              boolean      not null,
    multitrack_policy               varchar(16)  not null,
    multitrack_maximum_resolution   varchar(16)  not null,
    container_format                varchar(16)  not null,
    created_at                      timestamp with time zone not null
);
create index ivs_channel_scope on ivs_channel (account_id, region, arn);
create index ivs_channel_recording on ivs_channel (recording_configuration_arn);
create index ivs_channel_policy on ivs_channel (playback_restriction_policy_arn);

-- The key value is a bearer secret: stored AES-GCM encrypted (associated data = the key's ARN) and found by its
-- SHA-256, so RTMP ingest can authenticate a broadcaster without decrypting every row.
create table ivs_stream_key (
    arn             varchar(128)  primary key,
    channel_arn     varchar(128)  not null,
    value_sha256    varchar(64)   not null,
    value_encrypted varchar(1024) not null,
    created_at      timestamp with time zone not null,
    constraint ivs_stream_key_value_unique unique (value_sha256)
);
create index ivs_stream_key_channel on ivs_stream_key (channel_arn, arn);

create table ivs_recording_configuration (
    arn                        varchar(128) primary key,
    account_id                 varchar(12)  not null,
    region                     varchar(32)  not null,
    name                       varchar(128) not null,
    bucket_name                varchar(63)  not null,
    state                      varchar(16)  not null,
    thumbnail_recording_mode   varchar(16)  not null,
    thumbnail_interval_seconds bigint       not null,
    thumbnail_resolution       varchar(32),
    thumbnail_storage          varchar(64)  not null,
    reconnect_window_seconds   integer      not null,
    rendition_selection        varchar(16)  not null,
    renditions                 varchar(128) not null,
    created_at                 timestamp with time zone not null
);
create index ivs_recording_configuration_scope on ivs_recording_configuration (account_id, region, arn);

create table ivs_playback_key_pair (
    arn            varchar(128)  primary key,
    account_id     varchar(12)   not null,
    region         varchar(32)   not null,
    name           varchar(128)  not null,
    fingerprint    varchar(64)   not null,
    public_key_pem varchar(4000) not null,
    created_at     timestamp with time zone not null,
    constraint ivs_playback_key_pair_fingerprint_unique unique (account_id, region, fingerprint)
);

create table ivs_playback_restriction_policy (
    arn                              varchar(128)   primary key,
    account_id                       varchar(12)    not null,
    region                           varchar(32)    not null,
    name                             varchar(128)   not null,
    allowed_countries                varchar(4000)  not null,
    allowed_origins                  varchar(65535) not null,
    enable_strict_origin_enforcement boolean        not null,
    created_at                       timestamp with time zone not null
);
create index ivs_playback_restriction_policy_scope on ivs_playback_restriction_policy (account_id, region, arn);

create table ivs_tag (
    resource_arn varchar(128) not null,
    tag_key      varchar(128) not null,
    tag_value    varchar(256) not null,
    primary key (resource_arn, tag_key)
);

create table ivs_viewer_session_revocation (
    channel_arn                  varchar(128) not null,
    viewer_id                    varchar(40)  not null,
    versions_less_than_or_equal  integer      not null,
    requested_at                 timestamp with time zone not null,
    primary key (channel_arn, viewer_id)
);
