-- 请假代岗: a runner's or clerk's absence, from one day to another (both included, Asia/Shanghai), with an optional
-- stand-in. applied_at is set once, by the node that moved the person's tasks when the absence started.

create table zpp_absence (
    id bigint not null auto_increment,
    version bigint not null,
    user_id varchar(64) not null,
    from_date date not null,
    to_date date not null,
    reason varchar(500) not null,
    stand_in varchar(64),
    recorded_by varchar(64) not null,
    recorded_at datetime(6) not null,
    applied_at datetime(6),
    ended_at datetime(6),
    ended_by varchar(64),
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_absence_user on zpp_absence (user_id, to_date);
create index ix_absence_dates on zpp_absence (to_date, from_date);
