-- Governance's effectiveness figures as running aggregates, updated in the transaction that verifies an
-- iteration (not recomputed from every iteration at each recommendation). Per pattern × intervention and
-- scope: '*' holds every team's figures, a team key that team's share (subtracted when the recommendations
-- weigh other teams only). Rebuilt from loop_iterations at start-up when iterations are missing here.
create table effectiveness_tallies (
    pattern                 varchar(100)     not null,
    intervention_id         varchar(100)     not null,
    scope                   varchar(40)      not null,
    teams                   integer          not null,
    loops                   integer          not null,
    reduced                 integer          not null,
    not_reduced             integer          not null,
    worsened                integer          not null,
    inconclusive            integer          not null,
    standardized_iterations integer          not null,
    standardized_sum        double precision not null,
    primary key (pattern, intervention_id, scope)
);

-- The same per targeted metric, in that metric's unit (part of the key: different units never share a sum).
create table effectiveness_metric_tallies (
    pattern                 varchar(100)     not null,
    intervention_id         varchar(100)     not null,
    scope                   varchar(40)      not null,
    metric                  varchar(64)      not null,
    unit                    varchar(100)     not null,
    iterations              integer          not null,
    improvement_sum         double precision not null,
    standardized_iterations integer          not null,
    standardized_sum        double precision not null,
    primary key (pattern, intervention_id, scope, metric, unit)
);

-- Which verified iterations the tallies hold (each once: applying twice or catching up cannot double-count),
-- and the patterns each was credited for (a loop counts once per pattern and intervention).
create table effectiveness_iterations (
    iteration_id       uuid         primary key,
    loop_id            uuid         not null,
    intervention_id    varchar(100) not null,
    credited_patterns  varchar(500) not null
);
create index ix_effectiveness_iterations_loop on effectiveness_iterations (loop_id, intervention_id);
