-- S3 bucket metadata. Object bytes and their metadata live in the blob store (<dataDir>/s3/), not here.
-- Bucket names are global across accounts, as on AWS, so the name alone is the key.
-- Portable SQL only: this runs on H2 (PostgreSQL mode) and on PostgreSQL.

create table s3_bucket (
    name        varchar(63)  primary key,
    account_id  varchar(12)  not null,
    region      varchar(32)  not null,
    created_at  timestamp with time zone not null,
    -- the bucket policy exactly as put (S3 returns it verbatim); S3 limits it to 20 KB
    policy      varchar(20480)
);

create index s3_bucket_account on s3_bucket (account_id);
