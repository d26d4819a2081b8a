-- The supervision list and the card counts read open carded runs by township (or issuer), red before yellow and
-- the most overdue first. Without this index they scan every run ever opened (docs/performance.md, W3).
create index ix_proxy_run_carded on zpp_proxy_run (card, township_code, escalation_level, deadline);
