-- Survey metrics are stored as team aggregates (mean, standard deviation, respondents); below the
-- privacy minimum only the fact that the metric was suppressed is kept, with no value.
alter table snapshot_metrics alter column mean_value drop not null;
alter table snapshot_metrics add column sd double precision;
alter table snapshot_metrics add column respondents integer;
alter table snapshot_metrics add column suppressed boolean default false not null;
alter table snapshot_metrics add constraint ck_snapshot_metrics_value
    check ((suppressed and mean_value is null) or (not suppressed and mean_value is not null));
