-- How many channels, recording configurations, playback key pairs and playback restriction policies each account
-- and region holds: the quota check reads and bumps one row here in the transaction that inserts the resource,
-- instead of counting the resource's rows (O(n), and the count needed a scope lock to be race-free).
--
-- The conditional update "used = used + 1 where used < limit" decides a race for the last slot: PostgreSQL makes
-- a second updater of the same row wait for the first to commit and then re-checks the condition on the new value,
-- so the row lock is held only until the creating transaction commits. Deletes decrement it in their transaction.
-- Portable SQL (H2 in PostgreSQL mode and PostgreSQL). Applied out of order on installations already past V2xx.

create table ivs_resource_usage (
    account_id    varchar(12) not null,
    region        varchar(32) not null,
    resource_type varchar(40) not null,
    used          bigint      not null,
    primary key (account_id, region, resource_type)
);

insert into ivs_resource_usage (account_id, region, resource_type, used)
    select account_id, region, 'channel', count(*) from ivs_channel group by account_id, region;
insert into ivs_resource_usage (account_id, region, resource_type, used)
    select account_id, region, 'recording-configuration', count(*) from ivs_recording_configuration
    group by account_id, region;
insert into ivs_resource_usage (account_id, region, resource_type, used)
    select account_id, region, 'playback-key-pair', count(*) from ivs_playback_key_pair group by account_id, region;
insert into ivs_resource_usage (account_id, region, resource_type, used)
    select account_id, region, 'playback-restriction-policy', count(*) from ivs_playback_restriction_policy
    group by account_id, region;
