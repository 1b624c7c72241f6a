-- Organisations, people, logs and their history; sessions; audit.

create table organisations (
    id                text primary key,                -- 'jc-0751', 'ak-01', 'star'
    kind              text not null check (kind in ('jobcenter', 'akasse', 'agency')),
    name              text not null,
    municipality_code text                             -- jobcenters only
);

-- Target groups are data, not an enum: they change with reforms.
create table target_groups (
    code           text primary key,                   -- 'dagpenge', 'dimittend', ...
    name           text not null,
    duty_to_log    boolean not null,
    akasse_may_see boolean not null
);

create table citizens (
    id                uuid primary key,
    cpr               text not null unique,            -- never in a URL or a log line
    name              text not null,
    municipality_code text not null,
    akasse_id         text references organisations (id),
    created_at        timestamptz not null default now()
);

-- A citizen's status over time: forløb with a target group.
create table target_group_periods (
    id           uuid primary key,
    citizen_id   uuid not null references citizens (id) on delete cascade,
    target_group text not null references target_groups (code),
    starts_on    date not null,
    ends_on      date,                                 -- null: open
    check (ends_on is null or ends_on >= starts_on)
);
create index target_group_periods_citizen on target_group_periods (citizen_id, starts_on);

-- Fritagelse (LAS §75 stk. 5): exempt from the duty to log, not from the duty to search.
create table exemptions (
    id         uuid primary key,
    citizen_id uuid not null references citizens (id) on delete cascade,
    starts_on  date not null,
    ends_on    date,
    reason     text not null,
    granted_by text not null,
    created_at timestamptz not null default now()
);
create index exemptions_citizen on exemptions (citizen_id);

create table staff (
    id              text primary key,                  -- the staff member's user id ('nina')
    name            text not null,
    organisation_id text not null references organisations (id)
);

create table api_keys (
    key_hash        bytea primary key,                 -- SHA-256 of the key; the key itself is never stored
    organisation_id text not null references organisations (id),
    name            text not null,
    revoked_at      timestamptz
);

create table logs (
    id                   uuid primary key,
    citizen_id           uuid not null references citizens (id) on delete cascade,
    kind                 text not null check (kind in ('jobSearch', 'otherActivity')),
    status               text check (status in ('notApplied', 'applied', 'interview', 'rejected', 'hired')),
    job_title            text,
    occupation_code      text,
    employer_name        text,
    employer_address     text,
    employer_postal_code text,
    employer_city        text,
    contact_name         text,
    contact_phone        text,
    contact_email        text,
    job_ad_url           text,
    deadline             date,
    application_type     text,
    working_time         text,
    applied_on           date,
    interview_at         timestamptz,
    planned_on           date,
    activity_type        text,
    activity_date        date,
    place                text,
    description          text,
    note                 text,
    closed               boolean not null default false,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    channel              text not null check (channel in ('jobnet', 'akasse', 'jobcenter')),
    version              integer not null,            -- the ETag; bumped on every write
    check ((kind = 'jobSearch') = (status is not null))
);
-- The citizen's list: open logs first, newest change first.
create index logs_citizen_list on logs (citizen_id, closed, updated_at desc, id desc);

-- Every version of a log: who, through which channel, what kind of change, which fields.
create table log_versions (
    log_id         uuid not null references logs (id) on delete cascade,
    version        integer not null,
    at             timestamptz not null,
    channel        text not null,
    actor_kind     text not null check (actor_kind in ('citizen', 'staff', 'system')),
    actor_id       text not null,
    actor_name     text not null,
    change         text not null check (change in ('created', 'updated', 'closed', 'reopened')),
    changed_fields text[] not null,
    snapshot       jsonb not null,
    primary key (log_id, version)
);

-- Writes that leave no version row behind (deletions), with who and which channel.
create table audit_events (
    id         bigint generated always as identity primary key,
    at         timestamptz not null,
    citizen_id uuid not null,
    actor_kind text not null,
    actor_id   text not null,
    actor_name text not null,
    channel    text not null,
    action     text not null,                         -- 'log.deleted'
    subject_id uuid
);
create index audit_events_citizen on audit_events (citizen_id, at desc);

-- Every look at a citizen's data by someone else (shown to the citizen under Historik → Login).
create table access_log (
    id              bigint generated always as identity primary key,
    citizen_id      uuid not null references citizens (id) on delete cascade,
    at              timestamptz not null,
    actor_kind      text not null check (actor_kind in ('staff', 'system')),
    actor_id        text not null,
    actor_name      text not null,
    organisation_id text not null references organisations (id),
    what            text not null
);
create index access_log_citizen on access_log (citizen_id, at desc);

-- Idempotency-Key on create: a repeat returns the first result.
create table idempotency_keys (
    owner        text not null,                       -- the caller: 'citizen:<id>' or 'org:<id>'
    key          text not null,
    request_hash bytea not null,
    status_code  integer not null,
    location     text,
    etag         text,
    body         text not null,
    created_at   timestamptz not null default now(),
    primary key (owner, key)
);

-- Server-side sessions: the cookie carries only the key; logout deletes the row.
create table sessions (
    id                  text primary key,
    ticket              bytea not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null,
    absolute_expires_at timestamptz not null
);
create index sessions_expires on sessions (expires_at);

insert into target_groups (code, name, duty_to_log, akasse_may_see) values
    ('dagpenge',           'Dagpengemodtager (§6.1)',                                  true,  true),
    ('dimittend',          'Dimittend',                                                true,  true),
    ('jobready',           'Jobparat kontanthjælpsmodtager',                           true,  false),
    ('educationready',     'Åbenlyst uddannelsesparat uddannelseshjælpsmodtager',      true,  false),
    ('ledighedsydelse',    'Ledighedsydelsesmodtager (LAS §75)',                       true,  false),
    ('sickness',           'Sygedagpengemodtager',                                     false, false),
    ('resource',           'Ressourceforløb',                                          false, false),
    ('flexjob',            'Fleksjobvisiteret',                                        false, false),
    ('other',              'Anden målgruppe',                                          false, false);
