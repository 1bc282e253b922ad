-- Console sessions shared by every node (ARCHITECTURE.md "Scale-out"). Keyed by the hex SHA-256 of the session
-- id, never the id itself; the CSRF token is derived from the id by HMAC under a key from the master key, so no
-- column here lets its reader act as anyone. One-time reveals (new passwords, secret access keys) are never
-- stored: they stay in the memory of the node that made them. Portable SQL (H2 PostgreSQL mode and PostgreSQL).
create table console_session (
    id_hash        varchar(64)   primary key,
    state          varchar(32)   not null,
    caller_type    varchar(16),
    account_id     varchar(12),
    arn            varchar(2048),
    user_id        varchar(128),
    caller_name    varchar(128),
    principal_tags varchar(65536),
    account_label  varchar(256),
    user_name      varchar(128),
    created_at     timestamp with time zone not null,
    last_seen      timestamp with time zone not null
);
create index console_session_last_seen on console_session (last_seen);
create index console_session_created_at on console_session (created_at);
