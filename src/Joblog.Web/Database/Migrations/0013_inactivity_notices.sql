-- Advisering: inactivity notices (Features/Notices/; the rules are in InactivityRule.cs).

-- Every run of a background job, with what started it and who asked. The scheduled run of a job claims its Danish day:
-- one 'schedule' row per job and day, so with several app instances exactly one of them runs it.
create table job_runs (
    id          bigint generated always as identity primary key,
    job         text not null,                          -- 'inactivity-sweep'
    day         date not null,                          -- the Danish day the run is for
    started_by  text not null check (started_by in ('schedule', 'command', 'demo', 'demoLoad')),
    actor_id    text,                                   -- the staff member who asked (demo mode), else null
    actor_name  text,
    started_at  timestamptz not null,
    finished_at timestamptz,
    created     integer,                                -- notices made
    ended       integer                                 -- notices ended
);
create unique index job_runs_one_scheduled_per_day on job_runs (job, day) where started_by = 'schedule';

-- One row per period of inactivity of a citizen with a duty to log: to the citizen (front page), to the jobcenter of the
-- citizen's municipality and, for an insured member in a dagpenge or dimittend course, to the a-kasse (work lists).
create table inactivity_notices (
    id             bigint generated always as identity primary key,
    citizen_id     uuid not null references citizens (id) on delete cascade,
    inactive_since date not null,                       -- the Danish day the 30 days are counted from
    created_at     timestamptz not null,
    created_by_run bigint not null references job_runs (id),
    jobcenter_id   text references organisations (id),  -- null: the municipality's jobcenter is not in Joblog
    akasse_id      text references organisations (id),  -- null: not insured, or not in a dagpenge/dimittend course
    ended_at       timestamptz,
    ended_reason   text check (ended_reason in ('log', 'exempt', 'noDuty', 'newPeriod')),
    ended_by_log   uuid,                                -- the log whose creation or change ended it (no key: logs can be deleted)
    ended_by_run   bigint references job_runs (id),     -- or the sweep that found the period over
    check ((ended_at is null) = (ended_reason is null))
);
-- At most one open notice per citizen: a second sweep (or a second instance) cannot make another.
create unique index inactivity_notices_one_open on inactivity_notices (citizen_id) where ended_at is null;
create index inactivity_notices_citizen on inactivity_notices (citizen_id, ended_at);
-- The work lists: open notices of one jobcenter or a-kasse, longest inactive first (keyset by since, citizen).
create index inactivity_notices_jobcenter on inactivity_notices (jobcenter_id, inactive_since, citizen_id) where ended_at is null;
create index inactivity_notices_akasse on inactivity_notices (akasse_id, inactive_since, citizen_id) where ended_at is null;

-- Who created or changed a log in the last 30 days, as one index range for everyone (the sweep), rather than a question
-- per citizen: 300,000 probes of logs_citizen_list cost seconds, this range a fraction of that.
create index logs_changed on logs (updated_at, citizen_id);
