-- Job ads (jobannoncer) for Find job, and the citizen's saved jobs (gemte job).

create table job_ads (
    id              uuid primary key,
    title           text not null,
    employer_name   text not null,
    occupation_code text references occupations (code),     -- DISCO-08
    address         text,
    postal_code     text references postal_codes (number),
    city            text,
    lat             double precision,                       -- the work place, for distances and the map
    lon             double precision,
    deadline        date,                                   -- ansøgningsfrist; null: none given
    working_time    text check (working_time in ('fullTime', 'partTime')),
    description     text not null default '',
    url             text,                                   -- the ad where it was published
    published_on    date not null,
    -- Free text in Danish (stems: "kontorassistenter" finds "kontorassistent"); title weighs most.
    search          tsvector generated always as (
        setweight(to_tsvector('danish', title), 'A') ||
        setweight(to_tsvector('danish', employer_name), 'B') ||
        setweight(to_tsvector('danish', description), 'C')) stored
);
create index job_ads_search on job_ads using gin (search);
-- Part of a word ("kontor" in "kontorassistent"): trigram match on the title and the employer.
create index job_ads_title_trgm on job_ads using gin (lower(title) gin_trgm_ops);
create index job_ads_employer_trgm on job_ads using gin (lower(employer_name) gin_trgm_ops);
create index job_ads_occupation on job_ads (occupation_code, deadline);
create index job_ads_deadline on job_ads (deadline);

-- Gemte job: a copy of what the citizen saw (the ad may change or go), with who saved it and through which channel.
create table saved_jobs (
    id              uuid primary key,
    citizen_id      uuid not null references citizens (id) on delete cascade,
    job_ad_id       uuid references job_ads (id) on delete set null,
    title           text not null,
    employer_name   text,
    address         text,
    postal_code     text,
    city            text,
    deadline        date,
    url             text,
    occupation_code text,
    working_time    text check (working_time in ('fullTime', 'partTime')),
    created_at      timestamptz not null,
    actor_kind      text not null check (actor_kind in ('citizen', 'staff', 'system')),
    actor_id        text not null,
    actor_name      text not null,
    channel         text not null check (channel in ('jobnet', 'akasse', 'jobcenter')),
    log_id          uuid references logs (id) on delete set null, -- the log made from it ("Opret log")
    logged_at       timestamptz,
    version         integer not null default 1                  -- the ETag; bumped when it becomes a log
);
-- The list: soonest deadline first.
create index saved_jobs_citizen on saved_jobs (citizen_id, deadline);
-- The same ad is saved once: by the ad, or by its address.
create unique index saved_jobs_once_per_ad on saved_jobs (citizen_id, job_ad_id) where job_ad_id is not null;
create unique index saved_jobs_once_per_url on saved_jobs (citizen_id, url) where url is not null;
