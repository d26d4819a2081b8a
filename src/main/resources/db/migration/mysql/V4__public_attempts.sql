-- Attempts on the applicants' public pages (case number + code or phone) that did not prove the second factor,
-- counted per case number as typed and per client address. In the database, not in a node's memory, so that every
-- node of a cluster locks the same numbers and addresses (org.zhengpaopao.system.PublicAttempts).

create table zpp_public_attempt (
    -- CASE_NO (the case number, stripped and upper-case) or ADDRESS (the client's IP address)
    kind varchar(16) not null,
    subject varchar(64) not null,
    attempts integer not null,
    window_started_at datetime(6) not null,
    locked_until datetime(6),
    primary key (kind, subject)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
