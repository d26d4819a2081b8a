-- Each time a member of staff sees an applicant's full ID number and phone: who, when, which case.
create table zpp_applicant_data_view (
    id bigint not null auto_increment,
    case_no varchar(32) not null,
    viewer varchar(64) not null,
    viewed_at datetime(6) not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_applicant_data_view_case on zpp_applicant_data_view (case_no, viewed_at);
