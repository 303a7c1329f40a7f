-- The Human Debt patterns an iteration worked on (from its baseline findings), so verified outcomes
-- can be counted per pattern and intervention ("what works for whom").
alter table loop_iterations add column patterns varchar(500);
