-- The provincial service platform (docs/platform.md, docs/adr/0039-platform-applications.md): the platform's own
-- application id of every case it forwarded (unique: a retry finds its case), the nonces of its signed requests
-- (unique per app key, so a replay is refused on every node), and its status callbacks as a fourth outbox channel.
create table zpp_platform_application (
    id bigint not null auto_increment,
    platform_application_id varchar(64) not null,
    case_no varchar(32) not null,
    kind varchar(16) not null,
    request_fingerprint varchar(64) not null,
    received_at datetime(6) not null,
    primary key (id),
    constraint uk_platform_application_id unique (platform_application_id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
create index ix_platform_application_case on zpp_platform_application (case_no);

create table zpp_platform_nonce (
    app_key varchar(64) not null,
    nonce varchar(64) not null,
    expires_at datetime(6) not null,
    primary key (app_key, nonce)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
create index ix_platform_nonce_expires on zpp_platform_nonce (expires_at);

alter table zpp_notification modify column channel enum ('GROUP','SMS','STAFF','CALLBACK') not null;
