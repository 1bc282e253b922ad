-- IAM, STS and the account: the identities every request is signed by.
-- Portable SQL only: this runs on H2 (PostgreSQL mode) and on PostgreSQL. Names that AWS compares
-- case-insensitively carry a lower-cased name_key column with a unique constraint, so the database, not an
-- in-process lock, refuses duplicates (H2 has no expression indexes, so lower(name) is stored, not indexed).

create table onair_account (
    account_id          varchar(12)  primary key,
    created_at          timestamp with time zone not null,
    root_password_hash  varchar(512),
    bootstrap_completed boolean      not null default false
);

-- Bumped in the same transaction as every change that feeds any principal's policies, so policy caches keyed
-- by it are never stale, even across nodes sharing a PostgreSQL database.
create table iam_generation (
    id    integer primary key,
    counter bigint  not null
);
insert into iam_generation (id, counter) values (1, 0);

create table iam_account_alias (
    account_id varchar(12) primary key references onair_account (account_id),
    alias      varchar(63) not null unique
);

create table iam_password_policy (
    account_id            varchar(12) primary key references onair_account (account_id),
    minimum_length        integer not null,
    require_symbols       boolean not null,
    require_numbers       boolean not null,
    require_uppercase     boolean not null,
    require_lowercase     boolean not null,
    allow_users_to_change boolean not null,
    max_age               integer,
    reuse_prevention      integer,
    hard_expiry           boolean not null
);

create table iam_user (
    user_id            varchar(32)  primary key,
    account_id         varchar(12)  not null,
    name               varchar(64)  not null,
    name_key           varchar(64)  not null,
    path               varchar(512) not null,
    created_at         timestamp with time zone not null,
    boundary_arn       varchar(2048),
    password_last_used timestamp with time zone,
    constraint iam_user_name_unique unique (account_id, name_key)
);

create table iam_group (
    group_id   varchar(32)  primary key,
    account_id varchar(12)  not null,
    name       varchar(128) not null,
    name_key   varchar(128) not null,
    path       varchar(512) not null,
    created_at timestamp with time zone not null,
    constraint iam_group_name_unique unique (account_id, name_key)
);

create table iam_group_member (
    group_id varchar(32) not null references iam_group (group_id),
    user_id  varchar(32) not null references iam_user (user_id),
    added_at timestamp with time zone not null,
    primary key (group_id, user_id)
);
create index iam_group_member_user on iam_group_member (user_id);

create table iam_role (
    role_id              varchar(32)     primary key,
    account_id           varchar(12)     not null,
    name                 varchar(64)     not null,
    name_key             varchar(64)     not null,
    path                 varchar(512)    not null,
    created_at           timestamp with time zone not null,
    trust_policy         varchar(131072) not null,
    description          varchar(1000),
    max_session_duration integer         not null,
    boundary_arn         varchar(2048),
    service_linked       boolean         not null default false,
    last_used_at         timestamp with time zone,
    last_used_region     varchar(64),
    constraint iam_role_name_unique unique (account_id, name_key)
);

-- Customer managed policies only; AWS managed ones come from the policy engine's catalogue.
create table iam_policy (
    policy_id       varchar(32)   primary key,
    account_id      varchar(12)   not null,
    name            varchar(128)  not null,
    name_key        varchar(128)  not null,
    path            varchar(512)  not null,
    arn             varchar(2048) not null unique,
    description     varchar(1000),
    default_version integer       not null,
    next_version    integer       not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint iam_policy_name_unique unique (account_id, name_key)
);

create table iam_policy_version (
    policy_id      varchar(32)     not null references iam_policy (policy_id),
    version_number integer         not null,
    document       varchar(131072) not null,
    created_at     timestamp with time zone not null,
    primary key (policy_id, version_number)
);

-- owner_type: USER, GROUP, ROLE. Polymorphic, so no foreign key; deletes check for leftovers (DeleteConflict).
create table iam_inline_policy (
    owner_type varchar(8)      not null,
    owner_id   varchar(32)     not null,
    name       varchar(128)    not null,
    document   varchar(131072) not null,
    primary key (owner_type, owner_id, name)
);

create table iam_attachment (
    owner_type  varchar(8)    not null,
    owner_id    varchar(32)   not null,
    policy_arn  varchar(2048) not null,
    attached_at timestamp with time zone not null,
    primary key (owner_type, owner_id, policy_arn)
);
create index iam_attachment_policy on iam_attachment (policy_arn);

-- resource_type: USER, ROLE, POLICY. key_lower makes tag keys unique case-insensitively, as IAM does.
create table iam_tag (
    resource_type varchar(8)   not null,
    resource_id   varchar(32)  not null,
    key_lower     varchar(128) not null,
    tag_key       varchar(128) not null,
    tag_value     varchar(256) not null,
    ordinal       integer      not null,
    primary key (resource_type, resource_id, key_lower)
);

-- slot is 1 or 2: the unique (user_id, slot) pair is what enforces "at most two access keys per user".
create table iam_access_key (
    access_key_id     varchar(128) primary key,
    account_id        varchar(12)  not null,
    user_id           varchar(32)  not null references iam_user (user_id),
    slot              integer      not null,
    status            varchar(16)  not null,
    secret            varchar(512) not null,
    created_at        timestamp with time zone not null,
    last_used_at      timestamp with time zone,
    last_used_service varchar(64),
    last_used_region  varchar(64),
    constraint iam_access_key_slot_unique unique (user_id, slot),
    constraint iam_access_key_slot_range check (slot in (1, 2))
);

create table iam_login_profile (
    user_id        varchar(32)  primary key references iam_user (user_id),
    password_hash  varchar(512) not null,
    reset_required boolean      not null,
    created_at     timestamp with time zone not null
);

create table iam_slr_deletion (
    task_id    varchar(512) primary key,
    account_id varchar(12)  not null,
    status     varchar(16)  not null,
    reason     varchar(1024),
    created_at timestamp with time zone not null
);

-- Temporary credentials (AssumeRole, GetSessionToken). secret and session_token are encrypted with the
-- master key; the row outlives restarts so a session keeps signing until it expires.
create table sts_session (
    access_key_id  varchar(32)    primary key,
    account_id     varchar(12)    not null,
    principal_type varchar(16)    not null,
    principal_id   varchar(32)    not null,
    role_arn       varchar(2048),
    session_name   varchar(64),
    secret         varchar(512)   not null,
    session_token  varchar(2048)  not null,
    issued_at      timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    session_policy varchar(131072),
    policy_arns    varchar(32768),
    session_tags   varchar(32768),
    source_arn     varchar(2048)
);
create index sts_session_expiry on sts_session (expires_at);
