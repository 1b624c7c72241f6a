-- Platform: extensions and the ASP.NET Core data-protection key ring (shared by all app instances).
create extension if not exists pg_trgm;
create extension if not exists unaccent;

create table data_protection_keys (
    id            bigint generated always as identity primary key,
    friendly_name text        not null unique,
    xml           text        not null,
    created_at    timestamptz not null default now()
);
