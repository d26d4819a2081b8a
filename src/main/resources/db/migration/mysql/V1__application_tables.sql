-- The application's tables on MySQL 8 / MariaDB: utf8mb4 throughout, so that names and reasons may hold any
-- character (Camunda's own tables are utf8, which is one reason personal data stays out of process variables).

create table zpp_application (
    authorized_at_window bit not null,
    decided_at datetime(6),
    id bigint not null auto_increment,
    received_at datetime(6) not null,
    version bigint not null,
    phone varchar(11) not null,
    id_number varchar(18) not null,
    case_no varchar(32),
    matter_code varchar(32) not null,
    applicant_name varchar(64) not null,
    decided_by varchar(64),
    idempotency_key varchar(64),
    process_instance_id varchar(64),
    received_by varchar(64) not null,
    request_fingerprint varchar(64) not null,
    township_code varchar(64) not null,
    using_department_code varchar(64) not null,
    village_code varchar(64) not null,
    matter_name varchar(128) not null,
    rejection_reason varchar(1000),
    state enum ('APPROVED','AWAITING_DECISION','IN_PROGRESS','REJECTED') not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_application_certificate (
    catalog_entry_version integer not null,
    commitment_sampled bit not null,
    deadline_working_days integer not null,
    application_id bigint not null,
    catalog_entry_id bigint not null,
    id bigint not null auto_increment,
    updated_at datetime(6) not null,
    certificate_code varchar(32) not null,
    proxy_run_case_no varchar(32),
    post_verified_by varchar(64),
    certificate_name varchar(128) not null,
    legal_basis varchar(512),
    detail varchar(1000) not null,
    outcome varchar(1000),
    plan varchar(1000) not null,
    disposition enum ('CANCELLED','PROXY','REPLACED','SHARED') not null,
    handling enum ('COMMITMENT','NOT_NEEDED','PROXY','VERIFY') not null,
    post_verification enum ('CONFIRMED','FOUND_FALSE'),
    replacement enum ('COMMITMENT','LICENCE'),
    status enum ('NOT_SATISFIED','PENDING','SATISFIED') not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_catalog_entry (
    batch integer,
    deadline_working_days integer,
    retired bit not null,
    version integer not null,
    changed_at datetime(6) not null,
    id bigint not null auto_increment,
    superseded_at datetime(6),
    certificate_code varchar(32) not null,
    matter_code varchar(32) not null,
    changed_by varchar(64) not null,
    change_reason varchar(512) not null,
    legal_basis varchar(512),
    detail varchar(1000) not null,
    disposition enum ('CANCELLED','PROXY','REPLACED','SHARED') not null,
    replacement enum ('COMMITMENT','LICENCE'),
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_certificate (
    fetch_working_days integer not null,
    code varchar(32) not null,
    issuing_department_code varchar(64) not null,
    name varchar(128) not null,
    legal_basis varchar(512),
    issuing_level enum ('COUNTY','TOWNSHIP','VILLAGE') not null,
    primary key (code)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_department (
    has_liaison bit not null,
    has_window bit not null,
    code varchar(64) not null,
    name varchar(128) not null,
    kind enum ('COUNTY_DEPARTMENT','TOWNSHIP_GOVERNMENT','VILLAGE_COMMITTEE') not null,
    primary key (code)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_division (
    code varchar(64) not null,
    name varchar(64) not null,
    parent_code varchar(64),
    type enum ('SUBDISTRICT','TOWN','TOWNSHIP','VILLAGE') not null,
    primary key (code)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_false_commitment (
    id bigint not null auto_increment,
    recorded_at datetime(6) not null,
    id_number varchar(18) not null,
    case_no varchar(32) not null,
    certificate_code varchar(32) not null,
    recorded_by varchar(64) not null,
    finding varchar(1000),
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_matter (
    code varchar(32) not null,
    using_department_code varchar(64) not null,
    name varchar(128) not null,
    category enum ('ENTERPRISE','LIVELIHOOD') not null,
    primary key (code)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_notification (
    attempts integer not null,
    created_at datetime(6) not null,
    id bigint not null auto_increment,
    next_attempt_at datetime(6) not null,
    sent_at datetime(6),
    version bigint not null,
    recipient varchar(64) not null,
    reference varchar(64),
    title varchar(200),
    last_error varchar(500),
    message_text varchar(2000) not null,
    channel enum ('GROUP','SMS') not null,
    status enum ('FAILED','PENDING','SENT') not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_proxy_run (
    authorization_attempts integer not null,
    authorized_at_window bit not null,
    deadline date,
    deadline_provisional bit not null,
    deadline_working_days integer not null,
    escalation_level integer not null,
    authorization_due datetime(6),
    created_at datetime(6) not null,
    due_at datetime(6),
    id bigint not null auto_increment,
    version bigint not null,
    phone varchar(11) not null,
    id_number varchar(18) not null,
    application_case_no varchar(32),
    case_no varchar(32),
    certificate_code varchar(32) not null,
    authorization_code_hash varchar(64),
    created_by varchar(64) not null,
    issuer_code varchar(64) not null,
    process_instance_id varchar(64),
    runner_group varchar(64),
    township_code varchar(64) not null,
    using_department_code varchar(64) not null,
    village_code varchar(64) not null,
    issuer_name varchar(128) not null,
    applicant_name varchar(200) not null,
    card enum ('NONE','RED','YELLOW') not null,
    state enum ('AUTHORIZATION_EXPIRED','AUTHORIZED','AWAITING_AUTHORIZATION','AWAITING_ISSUE','CLOSED_AS_EXCEPTION','DELIVERED','FETCHING','ISSUED','MORE_INFO_REQUESTED','REFUSED') not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_proxy_run_step (
    seq integer not null,
    happened_at datetime(6) not null,
    proxy_run_id bigint not null,
    step varchar(48) not null,
    actor varchar(64) not null,
    label varchar(64) not null,
    note varchar(1000),
    primary key (seq, proxy_run_id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

alter table zpp_application add constraint uk_application_case_no unique (case_no);

alter table zpp_application add constraint uk_application_idempotency_key unique (idempotency_key);

create index ix_catalog_entry_matter on zpp_catalog_entry (matter_code, superseded_at);

alter table zpp_catalog_entry add constraint uk_catalog_entry_version unique (matter_code, certificate_code, version);

create index ix_false_commitment_id_number on zpp_false_commitment (id_number);

create index zpp_notification_due on zpp_notification (status, next_attempt_at);

alter table zpp_proxy_run add constraint uk_proxy_run_case_no unique (case_no);

alter table zpp_application_certificate add constraint fk_application_certificate_application foreign key (application_id) references zpp_application (id);

alter table zpp_proxy_run_step add constraint fk_proxy_run_step_proxy_run foreign key (proxy_run_id) references zpp_proxy_run (id);
