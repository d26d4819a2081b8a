-- How a case's result reached the applicant (结果送达方式: ONLINE, POST, WINDOW) and the postal tracking number of a
-- mailed result (docs/adr/0040-zero-trip-per-case.md). Cases decided before were not asked: they have none.
alter table zpp_application add column result_delivery varchar(16);
alter table zpp_application add column postal_tracking_number varchar(32);
