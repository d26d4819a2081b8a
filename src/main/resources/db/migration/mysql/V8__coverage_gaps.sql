-- A group of the service circle without an active runner, from the sweep that first saw it until one that no
-- longer does. open_group_id is the group while the gap is open (null once closed), so that two nodes sweeping at
-- once cannot open the same gap twice.
create table zpp_coverage_gap (
    id bigint not null auto_increment,
    group_id varchar(64) not null,
    group_name varchar(200) not null,
    villages int not null,
    opened_at datetime(6) not null,
    notify_at datetime(6) not null,
    notified_at datetime(6),
    closed_at datetime(6),
    open_group_id varchar(64),
    version bigint not null,
    primary key (id),
    constraint uq_coverage_gap_open unique (open_group_id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_coverage_gap_opened on zpp_coverage_gap (opened_at);
