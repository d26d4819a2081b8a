-- The supervision list and the card counts read open carded runs by township (or issuer), red before yellow and
-- the most overdue first. Without these indexes they scan every run ever opened (docs/performance.md, W3).
create index ix_proxy_run_carded on zpp_proxy_run (card, township_code, escalation_level, deadline);
-- covers the counts by township and by issuer, so they read index entries of carded runs only
create index ix_proxy_run_card_counts on zpp_proxy_run (card, state, township_code, issuer_code);
