-- Job goals as one resource (its version is the ETag), the employment conditions, the history of
-- its writes, and the private calendar-feed links.

-- Jeg søger job som: the set of a citizen's job goals is read and replaced as a whole. This row
-- carries its version and the employment conditions (ansættelsesvilkår). No row: version 0, no
-- conditions (as for the goals the demo world loads).
create table job_goal_sets (
    citizen_id     uuid primary key references citizens (id) on delete cascade,
    version        integer not null,
    weekly_hours   integer check (weekly_hours between 1 and 60),
    earliest_start date,
    updated_at     timestamptz not null
);

-- An occupation is a goal once.
create unique index job_goals_citizen_occupation on job_goals (citizen_id, occupation_code);

-- Every version of a citizen's job goals: who wrote it, through which channel, and what it was.
create table job_goal_versions (
    citizen_id uuid not null references citizens (id) on delete cascade,
    version    integer not null,
    at         timestamptz not null,
    channel    text not null check (channel in ('jobnet', 'akasse', 'jobcenter')),
    actor_kind text not null check (actor_kind in ('citizen', 'staff', 'system')),
    actor_id   text not null,
    actor_name text not null,
    snapshot   jsonb not null,
    primary key (citizen_id, version)
);

-- A calendar a phone can subscribe to: /kalender/feed/{token}.ics. The token (32 random bytes,
-- base64url) is the credential; only its SHA-256 is kept. Revoked links answer 404; one live link
-- per citizen (a new one revokes the old). Creation and revocation are in audit_events.
create table calendar_feeds (
    id           uuid primary key,
    citizen_id   uuid not null references citizens (id) on delete cascade,
    token_sha256 bytea not null unique,
    created_at   timestamptz not null,
    revoked_at   timestamptz
);
create unique index calendar_feeds_live on calendar_feeds (citizen_id) where revoked_at is null;
