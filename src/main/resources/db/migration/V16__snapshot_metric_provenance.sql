-- where a derived value comes from: "median of 23 items in review, Jira, 2026-11-01 – 2026-11-14"
alter table snapshot_metrics add column provenance varchar(300);
