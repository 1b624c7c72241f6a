-- Files attached to a log (the application, the CV sent). The bytes live in the file store
-- (Storage/IFileStore) under storage_key, a random name; the user's file name is only shown.

create table attachments (
    id           uuid primary key,
    log_id       uuid not null references logs (id) on delete cascade,
    file_name    text not null,                       -- sanitised; never used as a path
    content_type text not null,                       -- decided from the file's bytes
    size         bigint not null check (size > 0),
    storage_key  text not null unique,
    created_at   timestamptz not null
);
create index attachments_log on attachments (log_id, created_at);

-- Who added or removed an attachment, when and through which channel (shown in the log's history).
create table attachment_events (
    id            bigint generated always as identity primary key,
    log_id        uuid not null references logs (id) on delete cascade,
    attachment_id uuid not null,
    at            timestamptz not null,
    action        text not null check (action in ('added', 'deleted')),
    file_name     text not null,
    channel       text not null,
    actor_kind    text not null,
    actor_id      text not null,
    actor_name    text not null
);
create index attachment_events_log on attachment_events (log_id, at);
