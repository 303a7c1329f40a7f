-- The governance page and GET /api/loops list every team's loops newest first: without this index each request
-- sorted the whole table (100,000 loops: 15-20 ms for the top 100, 0.05 ms by the index).
create index ix_loops_opened_at on loops (opened_at);
