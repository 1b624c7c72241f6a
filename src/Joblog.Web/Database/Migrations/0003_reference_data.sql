-- Reference data: municipalities, postal codes, DISCO-08 occupations and the job titles that lead to them.
-- The rows come from ReferenceData/*.csv through ReferenceDataImporter (at start-up), not from this file.

create table municipalities (
    code       text primary key check (code ~ '^[0-9]{4}$'),  -- '0101'
    name       text not null,
    region     text not null check (region in ('Hovedstaden', 'Sjælland', 'Syddanmark', 'Midtjylland', 'Nordjylland')),
    lat        double precision not null,
    lon        double precision not null,
    population integer not null check (population >= 0)
);

create table postal_codes (
    number            text primary key check (number ~ '^[0-9]{4}$'),
    name              text not null,
    municipality_code text not null references municipalities (code),
    lat               double precision,
    lon               double precision
);
create index postal_codes_municipality on postal_codes (municipality_code);

-- DISCO-08 (the Danish ISCO-08) unit groups.
create table occupations (
    code  text primary key check (code ~ '^[0-9]{4}$'),
    title text not null
);

-- Common job titles; one title may lead to more than one unit group ("Pædagog").
create table occupation_aliases (
    title text not null,
    code  text not null references occupations (code),
    primary key (title, code)
);
-- Autocomplete: prefix (like 'kontor%') and similarity search on the lower-cased title.
create index occupation_aliases_title_trgm on occupation_aliases using gin (lower(title) gin_trgm_ops);
create index occupations_title_trgm on occupations using gin (lower(title) gin_trgm_ops);

-- Which file was last loaded into each table, and which shipped version: the shipped files load at start-up only
-- when they changed, so a newer official file an operator loaded is not overwritten at every restart.
create table reference_data_imports (
    file           text primary key,                     -- 'postal_codes.csv'
    shipped_sha256 text,                                 -- the shipped file last loaded (null: never)
    loaded_sha256  text not null,
    loaded_from    text not null,                        -- 'shipped' or the operator's path
    loaded_at      timestamptz not null default now()
);
