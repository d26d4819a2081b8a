-- Each time a member of staff sees an applicant's full ID number or phone: who, when, which case, what.
create table zpp_personal_data_view (
    id bigint not null auto_increment,
    case_no varchar(32) not null,
    viewer varchar(64) not null,
    viewed_at datetime(6) not null,
    shown enum ('ID_NUMBER_AND_PHONE','PHONE') not null,
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_personal_data_view_case on zpp_personal_data_view (case_no, viewed_at);
