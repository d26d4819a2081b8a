-- A village agent hands a decided case's result back to the villager (docs/village-agents.md): who and when.
-- A proxy-run records the same as a step of its history and needs no column.
alter table zpp_application add column handed_back_by varchar(64);
alter table zpp_application add column handed_back_at datetime(6);
