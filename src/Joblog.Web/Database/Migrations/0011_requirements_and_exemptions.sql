-- Krav til jobsøgning and fritagelse (issue 6): who ended a set of requirements, and who granted and who ended an
-- exemption, with the channel, as every write records.

-- A set of requirements ends when its organisation changes it (the new set starts the same day) or ends it.
-- version counts the changes of one organisation's requirements for one citizen: a new set has the highest version
-- so far + 1, and ending a set without a new one raises its own version by one. The highest version is the ETag.
alter table search_requirements
    add column ended_at         timestamptz,
    add column ended_actor_kind text,
    add column ended_actor_id   text,
    add column ended_actor_name text,
    add column ended_channel    text check (ended_channel in ('jobnet', 'akasse', 'jobcenter'));
create index search_requirements_chain on search_requirements (citizen_id, organisation_id, version desc);

-- An exemption applies on a day when starts_on <= day and (ends_on is null or ends_on >= day) — the meaning notices and
-- statistics read. Ending one sets ends_on (and who ended it); the row stays.
-- Rows from before this migration name only granted_by: a staff member (the demo world) or an organisation (the
-- generated world); the organisation is filled in below where it can be known, the actor only for staff.
alter table exemptions
    add column organisation_id  text references organisations (id),
    add column actor_kind       text check (actor_kind in ('staff', 'system')),
    add column actor_id         text,
    add column actor_name       text,
    add column channel          text check (channel in ('jobnet', 'akasse', 'jobcenter')),
    add column ended_at         timestamptz,
    add column ended_actor_kind text check (ended_actor_kind in ('staff', 'system')),
    add column ended_actor_id   text,
    add column ended_actor_name text,
    add column ended_channel    text check (ended_channel in ('jobnet', 'akasse', 'jobcenter'));

update exemptions e
set organisation_id = s.organisation_id, actor_kind = 'staff', actor_id = s.id, actor_name = s.name, channel = 'jobcenter'
from staff s
where s.id = e.granted_by;

update exemptions e
set organisation_id = o.id, channel = 'jobcenter'
from organisations o
where o.id = e.granted_by and e.organisation_id is null;

-- distance_km (0008) promised null when a coordinate is missing, but least(1, null) is 1 in PostgreSQL, so a missing
-- coordinate gave half the earth's circumference (20,015 km). The same formula, null when a coordinate is missing (still
-- one plain expression, so the planner can inline it).
create or replace function distance_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
returns double precision language sql immutable parallel safe
return case when lat1 is null or lon1 is null or lat2 is null or lon2 is null then null
            else 2 * 6371.0 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
                + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))) end;
