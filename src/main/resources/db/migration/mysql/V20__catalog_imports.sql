-- Catalog workbooks imported for review (docs/catalog-workbook.md, docs/adr/0035-catalog-workbook.md): the preview of
-- each import, row by row, until the importer confirms its good rows (handed to the catalog's review as one proposal)
-- or drops it. Nothing here changes the catalog itself.

create table zpp_catalog_import (
    id bigint not null auto_increment,
    file_name varchar(200) not null,
    imported_by varchar(64) not null,
    imported_at datetime(6) not null,
    status varchar(16) not null,
    missing_entries integer not null,
    decided_by varchar(64),
    decided_at datetime(6),
    proposal_number varchar(64),
    primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create table zpp_catalog_import_row (
    id bigint not null auto_increment,
    import_id bigint not null,
    sheet varchar(16) not null,
    sheet_row integer not null,
    matter_code varchar(64),
    certificate_code varchar(64),
    status varchar(16) not null,
    -- REFUSED: why, in Chinese; NEW and CHANGED: the changed fields as JSON [{field, from, to}]
    reason varchar(1000),
    changes varchar(4000),
    -- what a NEW or CHANGED row proposes (ENTRIES: the terms; MATTERS: the capabilities)
    disposition varchar(16),
    replacement varchar(16),
    detail varchar(1000),
    deadline_working_days integer,
    legal_basis varchar(512),
    online boolean,
    zero_trip boolean,
    primary key (id),
    constraint fk_catalog_import_row_import foreign key (import_id) references zpp_catalog_import (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_catalog_import_row_import on zpp_catalog_import_row (import_id, sheet, sheet_row);
