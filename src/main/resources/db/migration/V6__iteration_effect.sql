-- The verified effect of an iteration: the mean improvement of its measured target metrics, in their
-- units and good direction (null when nothing could be compared). Feeds the effectiveness report.
alter table loop_iterations add column effect double precision;
