-- Every CreateChannel inserted into four B-trees of ivs_channel (primary key, scope, recording configuration,
-- playback restriction policy), and with random resource ids each insert dirties a random leaf that the embedded
-- store re-serialises on the create's commit. The last two indexes served only DeleteRecordingConfiguration's and
-- DeletePlaybackRestrictionPolicy's "is it still used" check and ListChannels' filters, all rare. A channel can
-- only reference a recording configuration or policy of its own account and region (CreateChannel/UpdateChannel
-- refuse others as not found), so those queries now read the scope index (account_id, region, arn) of the
-- referenced resource's account and region and filter its rows: bounded by the channel quota of one scope.
-- Portable SQL (H2 in PostgreSQL mode and PostgreSQL). Applied out of order on installations already past V2xx.
drop index if exists ivs_channel_recording;
drop index if exists ivs_channel_policy;
