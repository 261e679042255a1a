-- Background plan jobs (issue 6): the state of each job, so that every instance behind a load
-- balancer can answer GET /api/plan-jobs/{id}, a cancel reaches the instance computing it
-- (cancel_requested, polled by that instance), and a job whose instance stopped shows as failed
-- (heartbeat_at stops moving). The plan itself is stored in inspection_plan as before.
create table plan_job (
    id               bigserial primary key,
    kind             text        not null check (kind in ('patrol', 'joint')),
    name             text        not null,
    owner            text        not null,
    status           text        not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
    submitted_at     timestamptz not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    phase            text check (phase in ('matrix', 'solving', 'saving')),
    solutions        bigint      not null default 0,
    limit_ms         bigint      not null,
    plan_id          bigint,
    error_status     integer,
    error_message    text,
    cancel_requested boolean     not null default false,
    heartbeat_at     timestamptz not null,
    check ((status = 'done') = (plan_id is not null)),
    check ((status = 'failed') = (error_status is not null))
);
create index plan_job_owner_ix on plan_job (owner, id desc);
create index plan_job_open_ix on plan_job (id) where status in ('queued', 'running');
