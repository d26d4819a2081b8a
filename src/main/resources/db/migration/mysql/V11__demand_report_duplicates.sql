-- A report of the same demand again (same phone, department and certificate within 30 days) is a row of its own,
-- answered like a new report, that names the earlier report and has no case and no deadline
-- (docs/adr/0003-public-identifiers.md). V11, not V10: V10 may come in from another branch at the same time.

alter table zpp_demand_report add column duplicate_of varchar(32) null;
alter table zpp_demand_report modify verification_due datetime(6) null;
-- the reform office's detail: a report's repeats (also the foreign key's index)
create index ix_demand_report_duplicate_of on zpp_demand_report (duplicate_of);
alter table zpp_demand_report add constraint fk_demand_report_duplicate_of
    foreign key (duplicate_of) references zpp_demand_report (tracking_number);
