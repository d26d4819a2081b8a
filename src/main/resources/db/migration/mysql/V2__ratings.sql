-- 好差评: one row per finished case or proxy-run, from the invitation to the follow-up rating.

create table zpp_rating (
    id bigint not null auto_increment,
    version bigint not null,
    case_no varchar(32) not null,
    service enum ('APPLICATION','PROXY_RUN') not null,
    phone varchar(11) not null,
    township_code varchar(64) not null,
    responsible_group varchar(64) not null,
    invited_at datetime(6) not null,
    reminded_at datetime(6),
    level enum ('BASICALLY_SATISFIED','DISSATISFIED','SATISFIED','VERY_DISSATISFIED','VERY_SATISFIED'),
    comment varchar(500),
    rated_at datetime(6),
    call_back_due datetime(6),
    called_back_at datetime(6),
    rectification_due datetime(6),
    rectified_at datetime(6),
    rectification_report varchar(1000),
    appeal_reason varchar(500),
    excluded bit not null,
    follow_up_level enum ('BASICALLY_SATISFIED','DISSATISFIED','SATISFIED','VERY_DISSATISFIED','VERY_SATISFIED'),
    follow_up_comment varchar(500),
    follow_up_at datetime(6),
    primary key (id),
    constraint uk_rating_case_no unique (case_no)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_rating_rated_at on zpp_rating (rated_at);
create index ix_rating_unrated on zpp_rating (rated_at, reminded_at, invited_at);
