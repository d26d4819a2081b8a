-- The county's published catalog lists (批次), numbered as the entries' batch column: 0 = the 2017 clean-up, 1 and 2 =
-- the lists of March and September 2018 (ADR 0037). Names and dates come from seeds/catalog-batches.csv.
create table zpp_catalog_batch (
    batch_number integer not null,
    name varchar(64) not null,
    published_on date not null,
    primary key (batch_number));
