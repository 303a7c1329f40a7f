-- A pod may extend an iteration's time-box once.
alter table loop_iterations add column extended boolean default false not null;
