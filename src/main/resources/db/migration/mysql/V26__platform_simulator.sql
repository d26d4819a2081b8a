-- The provincial platform's simulator (demo profile only, org.zhengpaopao.platform, docs/platform.md): the phones it
-- confirmed with a one-time code (only the code's salted hash, and the session token's hash), and the applications it
-- forwarded to the county with the latest status the county pushed back.

create table zpp_platform_sim_verification (
    id bigint not null auto_increment,
    -- the outbox's reference of the code's text message (PV-…), never the phone or the token
    reference varchar(32) not null,
    phone varchar(11) not null,
    requested_at datetime(6) not null,
    code_hash varchar(64),
    code_salt varchar(32),
    code_expires_at datetime(6),
    attempts integer not null,
    confirmed_at datetime(6),
    session_token_hash varchar(64),
    primary key (id),
    constraint uk_platform_sim_verification_reference unique (reference),
    constraint uk_platform_sim_verification_token unique (session_token_hash)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_platform_sim_verification_phone on zpp_platform_sim_verification (phone, requested_at);

create table zpp_platform_sim_application (
    platform_id varchar(40) not null,
    verification_id bigint not null,
    matter_code varchar(32) not null,
    submitted_at datetime(6) not null,
    case_no varchar(32),
    status varchar(32),
    status_name varchar(64),
    decision varchar(32),
    reason varchar(500),
    licence_number varchar(64),
    status_at datetime(6),
    primary key (platform_id),
    constraint fk_platform_sim_application_verification foreign key (verification_id)
        references zpp_platform_sim_verification (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
