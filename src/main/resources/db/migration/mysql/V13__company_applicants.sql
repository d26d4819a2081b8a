-- Companies (企业, 法人) apply as well as persons (docs/adr/0027-company-applicants.md): a company applicant has its
-- unified social credit code and a contact person instead of an ID number, and the phone is the contact's. Rows from
-- before are persons. The checks keep a person's and a company's numbers from ever mixing in one row.
alter table zpp_proxy_run add column applicant_type enum ('COMPANY','PERSON') default 'PERSON' not null;
alter table zpp_proxy_run add column credit_code varchar(18);
alter table zpp_proxy_run add column contact_name varchar(64);
alter table zpp_proxy_run modify id_number varchar(18) null;
alter table zpp_proxy_run add constraint ck_proxy_run_applicant check (
    (applicant_type = 'PERSON' and id_number is not null and credit_code is null and contact_name is null)
    or (applicant_type = 'COMPANY' and id_number is null and credit_code is not null and contact_name is not null));

alter table zpp_application add column applicant_type enum ('COMPANY','PERSON') default 'PERSON' not null;
alter table zpp_application add column credit_code varchar(18);
alter table zpp_application add column contact_name varchar(64);
alter table zpp_application modify id_number varchar(18) null;
alter table zpp_application add constraint ck_application_applicant check (
    (applicant_type = 'PERSON' and id_number is not null and credit_code is null and contact_name is null)
    or (applicant_type = 'COMPANY' and id_number is null and credit_code is not null and contact_name is not null));

-- a company that signed a false commitment is flagged by its credit code, as a person is by the ID number
alter table zpp_false_commitment add column credit_code varchar(18);
alter table zpp_false_commitment modify id_number varchar(18) null;
alter table zpp_false_commitment add constraint ck_false_commitment_applicant check (
    (id_number is null) <> (credit_code is null));
create index ix_false_commitment_credit_code on zpp_false_commitment (credit_code);

-- the monthly report lists a bad rating's applicant as a person or a company
alter table zpp_rating add column applicant_type enum ('COMPANY','PERSON') default 'PERSON' not null;
