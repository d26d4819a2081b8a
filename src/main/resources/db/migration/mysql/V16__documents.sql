-- Documents that travel electronically, such as a proxy-run's issued certificate (docs/adr/0032-certificate-documents.md,
-- org.zhengpaopao.document): the record of each, its content behind a storage port, and every stamped copy handed out.
-- When the content is deleted after the retention period, the record and the copies' log stay.

create table zpp_document (
    id bigint not null auto_increment,
    owner_ref varchar(64) not null,
    kind varchar(8) not null,
    filename varchar(200) not null,
    size_bytes bigint not null,
    sha256 char(64) not null,
    stored_by varchar(64) not null,
    stored_at datetime(6) not null,
    delete_after datetime(6),
    deleted_at datetime(6),
    deletion_note varchar(200),
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- an owner's documents, oldest first
create index ix_document_owner on zpp_document (owner_ref, id);
-- the retention sweep: not yet deleted, due
create index ix_document_due on zpp_document (deleted_at, delete_after);

-- the content (DatabaseDocumentContentStore); at most zhengpaopao.documents.max-size (10 MB) a row, within the
-- server's max_allowed_packet (MySQL 8: 64 MB by default, MariaDB: 16 MB)
create table zpp_document_content (
    document_id bigint not null,
    content longblob not null,
    primary key (document_id),
    constraint fk_document_content_document foreign key (document_id) references zpp_document (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_document_download (
    id bigint not null auto_increment,
    document_id bigint not null,
    owner_ref varchar(64) not null,
    downloaded_by varchar(64) not null,
    downloaded_at datetime(6) not null,
    stamp varchar(200) not null,
    primary key (id),
    constraint fk_document_download_document foreign key (document_id) references zpp_document (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_document_download_owner on zpp_document_download (owner_ref, id);
