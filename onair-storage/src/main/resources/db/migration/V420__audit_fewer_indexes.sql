-- The audit trail is written on every authorized API call and read by LookupEvents, which is always scoped to one
-- account, returns at most 50 events per page, newest first (order by event_time desc, event_id desc), with at
-- most one lookup attribute. (account_id, event_time) serves that order for every query, so a lookup walks it
-- from the newest event and stops at the first page of matches. The three attribute indexes below served only
-- EventName, Username and AccessKeyId (not the four other attributes) and each cost a B-tree insert per API call;
-- measured with bench's audit writer harness they were about a third of the writer's CPU per event. A lookup for
-- a rare attribute value now reads further back through the account's events (bounded by StartTime/EndTime).
drop index if exists monitoring_audit_event_name;
drop index if exists monitoring_audit_event_user;
drop index if exists monitoring_audit_event_key;
