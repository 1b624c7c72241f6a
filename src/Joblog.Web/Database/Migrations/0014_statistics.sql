-- Statistics (issue 7, seed 002): who uses the joblog, per month × municipality × target group. Features/Statistics/; the
-- rules are in UsageRules.cs and on the page /statistik. Aggregates only: no citizen id, no name, nothing that leads back
-- to a person. Written only by UsageRefresh (a set-based recompute of whole months); read as plain index ranges.

-- One row per month, municipality (the citizen's municipality today) and target group with a duty to log, also when
-- nobody counts (zeros): the figures as computed, before suppression (suppression is applied when they are shown).
create table joblog_usage (
    month             date not null check (extract(day from month) = 1),   -- the Danish calendar month
    target_group      text not null references target_groups (code),
    municipality_code text not null,
    obligated         integer not null check (obligated >= 0),           -- had a duty to log (UsageRules.MinDutyDays)
    logged            integer not null check (logged between 0 and obligated), -- of those: created a log in the month
    applications      integer not null check (applications >= 0),        -- their applications dated in the month
    primary key (month, target_group, municipality_code)
);

-- The whole country per month and target group (every citizen, also one whose municipality is not in the reference data).
create table joblog_usage_national (
    month        date not null check (extract(day from month) = 1),
    target_group text not null references target_groups (code),
    obligated    integer not null check (obligated >= 0),
    logged       integer not null check (logged between 0 and obligated),
    applications integer not null check (applications >= 0),
    primary key (month, target_group)
);

-- Each recompute: which months it covered (a whole history or the recent months) and when it finished. The run itself
-- (what started it, who asked, the day a scheduled run claims) is a job_runs row ('joblog-usage').
create table joblog_usage_refreshes (
    run_id       bigint primary key references job_runs (id),
    from_month   date not null,
    to_month     date not null,
    full_history boolean not null,
    finished_at  timestamptz not null,
    check (from_month <= to_month)
);
create index joblog_usage_refreshes_finished on joblog_usage_refreshes (finished_at desc);
