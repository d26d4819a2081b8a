-- The issued certificate travels with the run (docs/adr/0033-using-department-signs.md): a stored file, an
-- electronic licence number or a paper original; the runner hands it over and the using department's window signs.
alter table zpp_proxy_run modify column state enum ('AUTHORIZATION_EXPIRED','AUTHORIZED','AWAITING_AUTHORIZATION','AWAITING_ISSUE','CLOSED_AS_EXCEPTION','DELIVERED','FETCHING','HANDED_OVER','ISSUED','MORE_INFO_REQUESTED','REFUSED') not null;
alter table zpp_proxy_run add column certificate_document_id bigint;
alter table zpp_proxy_run add column licence_number varchar(64);
alter table zpp_proxy_run add column paper_original boolean default false not null;
-- what a stamped copy says it is for: the matter of the case the run belongs to
alter table zpp_proxy_run add column matter_name varchar(200);
