-- Udsøgning (search across citizens): per-citizen, per-month aggregates of the joblog, kept current by every log write
-- (Features/Search/LogAggregates.cs, called from LogStore in the write's transaction) and rebuilt set-based after bulk
-- loads (the world generator, the demo loader) — so a search over the whole country reads months, not 30 million logs.
--
-- An application (ansøgning) is a job-search log whose status is not "Ikke søgt" (applied, interview, rejected, hired;
-- closed or not). It counts on the day applied for, or, when that is empty, the Danish day the log was created — the
-- same rule as the progress page (Features/Evidence/EvidenceDates.cs).

-- intarray: the union of sorted int[] sets (distinct job titles over several months) in C, not in SQL.
create extension if not exists intarray;

-- A job title as the search compares it: lower case, trimmed, inner whitespace as one space; null when blank.
create function search_title(title text) returns text language sql immutable parallel safe
return nullif(lower(btrim(regexp_replace(title, '\s+', ' ', 'g'))), '');

-- The day an application counts on.
create function search_day(applied_on date, created_at timestamptz) returns date language sql immutable parallel safe
return coalesce(applied_on, (created_at at time zone 'Europe/Copenhagen')::date);

-- Union of int[] sets, sorted and distinct (intarray's | operator as an aggregate).
create aggregate search_union(integer[]) (
    sfunc = _int_union, stype = integer[], combinefunc = _int_union, initcond = '{}', parallel = safe);

-- Every normalized job title ever applied for, numbered: a month keeps its titles as a small sorted int[].
create table search_titles (
    id    integer generated always as identity primary key,
    title text not null unique
);

-- One row per citizen and calendar month with at least one application.
-- (The foreign keys to citizens are added after the backfill below: one check instead of one per row.)
create table search_months (
    month        date not null check (extract(day from month) = 1),  -- the first day of the month
    citizen_id   uuid not null,
    applications integer not null check (applications > 0),
    titles       integer[] not null,   -- search_titles ids of the month's applications, sorted, distinct
    max_km       real,                 -- the farthest workplace (employer's postal code) from home; null: none known
    days         smallint[] not null,  -- the day of month of each application, sorted (one entry per application)
    primary key (month, citizen_id)
);

-- The last time the citizen registered anything: the Danish day their newest log was created. No row: no logs.
create table search_activity (
    citizen_id  uuid primary key,
    last_log_on date not null
);

-- A citizen's target group day by day, as stretches: consecutive days in one group are one stretch, so two periods of
-- the same group that join up are one stretch; where periods overlap, the one that started last counts. A search finds a
-- citizen's group today, and whether they had it throughout a past period, in one row. Kept by a trigger on
-- target_group_periods (below); rebuilt by search_rebuild.
create table search_stretches (
    citizen_id   uuid not null,
    target_group text not null,
    starts_on    date not null,
    ends_on      date,                 -- null: open
    primary key (citizen_id, starts_on)
);

create view search_stretch_source as
with bounds as (
    select citizen_id, starts_on as day from target_group_periods
    union
    select citizen_id, ends_on + 1 from target_group_periods where ends_on is not null
), segments as (
    -- From each boundary to the next: the group of the period that started last among those covering it.
    select b.citizen_id, b.day as starts_on, lead(b.day) over (partition by b.citizen_id order by b.day) - 1 as ends_on,
           (select p.target_group from target_group_periods p
            where p.citizen_id = b.citizen_id and p.starts_on <= b.day and (p.ends_on is null or p.ends_on >= b.day)
            order by p.starts_on desc limit 1) as target_group
    from bounds b
), runs as (
    select s.*, count(*) filter (where s.changed) over (partition by s.citizen_id order by s.starts_on) as run
    from (select s.*, s.target_group is distinct from lag(s.target_group) over (partition by s.citizen_id order by s.starts_on) as changed
          from segments s) s
)
select citizen_id, target_group, min(starts_on) as starts_on, case when bool_or(ends_on is null) then null else max(ends_on) end as ends_on
from runs
where target_group is not null
group by citizen_id, target_group, run;

-- What search_months holds, computed from the logs: the one definition that the write hook, the rebuild after a bulk
-- load and this migration's backfill all insert from. Filter it on citizen_id (and month) to refresh a few citizens.
create view search_month_source as
select date_trunc('month', a.day::timestamp)::date as month, a.citizen_id,
       count(*)::integer as applications,
       search_union(case when t.id is null then '{}'::integer[] else array[t.id] end) as titles,
       max(distance_km(h.lat, h.lon, w.lat, w.lon))::real as max_km,
       array_agg(extract(day from a.day)::smallint order by a.day) as days
from (select l.citizen_id, search_day(l.applied_on, l.created_at) as day, search_title(l.job_title) as title,
             l.employer_postal_code
      from logs l
      where l.kind = 'jobSearch' and l.status <> 'notApplied') a
join citizens c on c.id = a.citizen_id
left join search_titles t on t.title = a.title
left join postal_codes h on h.number = c.postal_code
left join postal_codes w on w.number = a.employer_postal_code
group by 1, 2;

create view search_activity_source as
select citizen_id, max((created_at at time zone 'Europe/Copenhagen')::date) as last_log_on
from logs
group by citizen_id;

-- Builds the aggregates again from the logs: of the given citizens, or (null) of everyone — set-based, for bulk loads.
create function search_rebuild(citizens uuid[]) returns void language plpgsql as $$
begin
    if citizens is null then
        insert into search_titles (title)
        select distinct search_title(job_title) from logs
        where kind = 'jobSearch' and status <> 'notApplied' and search_title(job_title) is not null
        order by 1
        on conflict (title) do nothing;
        truncate search_months, search_activity, search_stretches;
        insert into search_stretches select * from search_stretch_source;
        -- Months in (month, citizen) order, so a search's months lie together on disk.
        insert into search_months select * from search_month_source order by month, citizen_id;
        insert into search_activity select * from search_activity_source;
    else
        insert into search_titles (title)
        select distinct search_title(job_title) from logs
        where citizen_id = any(citizens) and kind = 'jobSearch' and status <> 'notApplied' and search_title(job_title) is not null
        order by 1
        on conflict (title) do nothing;
        delete from search_months where citizen_id = any(citizens);
        insert into search_months select * from search_month_source where citizen_id = any(citizens);
        delete from search_activity where citizen_id = any(citizens);
        insert into search_activity select * from search_activity_source where citizen_id = any(citizens);
        delete from search_stretches where citizen_id = any(citizens);
        insert into search_stretches select * from search_stretch_source where citizen_id = any(citizens);
    end if;
end $$;

-- A citizen who moves: the distances from home change.
create function search_home_moved() returns trigger language plpgsql as $$
begin
    delete from search_months where citizen_id = new.id;
    insert into search_months select * from search_month_source where citizen_id = new.id;
    return null;
end $$;
create trigger search_home_moved after update of postal_code on citizens
    for each row when (old.postal_code is distinct from new.postal_code) execute function search_home_moved();

-- A period written, changed or deleted: the citizen's stretches again (not for a citizen being deleted).
create function search_periods_changed() returns trigger language plpgsql as $$
declare
    affected uuid[] := array(select distinct x from unnest(array[old.citizen_id, new.citizen_id]) x
                             where x is not null and exists (select 1 from citizens c where c.id = x));
begin
    perform 1 from citizens where id = any(affected) for no key update; -- one writer per citizen at a time
    delete from search_stretches where citizen_id = any(affected);
    insert into search_stretches select * from search_stretch_source where citizen_id = any(affected);
    return null;
end $$;
create trigger search_periods_changed after insert or update or delete on target_group_periods
    for each row execute function search_periods_changed();

-- Each search across citizens, recorded once: who, when, the criteria, how many were found, and how it was shown.
-- (A name in a result list is not a look at the citizen's data; opening one from the result goes through the gate.)
create table searches (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    actor_kind      text not null check (actor_kind in ('staff', 'system')),
    actor_id        text not null,
    actor_name      text not null,
    organisation_id text not null references organisations (id),
    format          text not null check (format in ('page', 'json', 'csv')),
    criteria        jsonb not null,
    found           integer not null
);
create index searches_organisation on searches (organisation_id, at desc);

-- Backfill an existing database (three passes over the logs: titles, months, activity; the periods), then the keys.
set local work_mem = '256MB';
select search_rebuild(null);
create index search_months_citizen on search_months (citizen_id, month);
alter table search_months add foreign key (citizen_id) references citizens (id) on delete cascade;
alter table search_activity add foreign key (citizen_id) references citizens (id) on delete cascade;
alter table search_stretches add foreign key (citizen_id) references citizens (id) on delete cascade;
analyze search_titles;
analyze search_stretches;
analyze search_months;
analyze search_activity;
