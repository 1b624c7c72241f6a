-- Where a citizen lives (postal code, and through it a coordinate: distances from home) and what work they seek.

alter table citizens add column postal_code text references postal_codes (number);
create index citizens_municipality on citizens (municipality_code);
create index citizens_akasse on citizens (akasse_id) where akasse_id is not null;

-- Jeg søger job som: one row per job goal (occupation), in the citizen's order.
create table job_goals (
    id                uuid primary key,
    citizen_id        uuid not null references citizens (id) on delete cascade,
    position          integer not null,
    occupation_code   text not null references occupations (code),
    trained           boolean not null,                -- uddannet inden for faget
    experience_years  integer not null check (experience_years between 0 and 60),
    experience_months integer not null check (experience_months between 0 and 11),
    last_worked_year  integer check (last_worked_year between 1950 and 2100),
    created_at        timestamptz not null default now(),
    unique (citizen_id, position)
);
