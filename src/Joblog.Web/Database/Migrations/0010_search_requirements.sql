-- Krav til jobsøgning: what the jobcenter (or the a-kasse, for its members) has agreed with the citizen.
-- One row per agreed set; at most one open set per citizen and organisation. Changing the requirements
-- ends the open set (ends_on) and starts a new one, so the past stays as it was agreed.
create table search_requirements (
    id                    uuid primary key,
    citizen_id            uuid not null references citizens (id) on delete cascade,
    organisation_id       text not null references organisations (id),
    applications_per_week numeric(4, 2) not null check (applications_per_week > 0 and applications_per_week <= 20),
    occupation_codes      text[] not null default '{}',   -- DISCO-08 codes; empty = any
    max_km                integer check (max_km between 1 and 1000),
    municipality_codes    text[] not null default '{}',   -- empty = anywhere (or within max_km)
    methods               text[] not null default '{}',   -- application types (advertised, unsolicited, network, tempAgency, other); empty = any
    starts_on             date not null,
    ends_on               date,
    version               integer not null default 1,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    actor_kind            text not null,
    actor_id              text not null,
    actor_name            text not null,
    channel               text not null check (channel in ('jobnet', 'akasse', 'jobcenter')),
    check (ends_on is null or ends_on >= starts_on)
);
create index search_requirements_citizen on search_requirements (citizen_id, starts_on desc);
create unique index search_requirements_one_open on search_requirements (citizen_id, organisation_id) where ends_on is null;
