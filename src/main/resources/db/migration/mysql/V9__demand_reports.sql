-- 清单之外无证明: citizens' reports that a department demanded a certificate the catalog cancelled, shares or
-- replaces, and the reform office's supervision of each (org.zhengpaopao.demandreport).

create table zpp_demand_report (
    id bigint not null auto_increment,
    version bigint not null,
    tracking_number varchar(32) not null,
    department_code varchar(64) not null,
    matter_code varchar(32) not null,
    certificate_code varchar(32) not null,
    disposition enum ('CANCELLED','PROXY','REPLACED','SHARED') not null,
    demanded_on date not null,
    contact_name varchar(50),
    contact_phone varchar(11) not null,
    details varchar(500),
    submitted_at datetime(6) not null,
    status enum ('CONFIRMED','NOT_CONFIRMED','RECTIFIED','REPLIED','SUBMITTED') not null,
    verification_due datetime(6) not null,
    finding enum ('CONFIRMED','NOT_CONFIRMED'),
    finding_note varchar(1000),
    found_at datetime(6),
    found_by varchar(64),
    rectification_due datetime(6),
    rectification varchar(1000),
    rectified_at datetime(6),
    rectified_by varchar(64),
    reply_due datetime(6),
    reply varchar(1000),
    replied_at datetime(6),
    replied_by varchar(64),
    primary key (id),
    constraint uk_demand_report_tracking_number unique (tracking_number)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- duplicate detection: the same phone, department and certificate lately
create index ix_demand_report_duplicate on zpp_demand_report (contact_phone, department_code, certificate_code, submitted_at);
-- the KPIs: confirmed reports by the day of the finding
create index ix_demand_report_found_at on zpp_demand_report (found_at);
