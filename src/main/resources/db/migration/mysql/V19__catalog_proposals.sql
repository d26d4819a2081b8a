-- Catalog changes go through the county's review (docs/catalog-review.md): a proposal is a change set a catalog
-- liaison submits, with its reason and the steps of its review; it becomes catalog versions only when published.

create table zpp_catalog_proposal (
    id bigint not null auto_increment,
    version bigint not null,
    proposal_number varchar(32) not null,
    state enum ('LEGAL_REVIEW','PUBLISHED','RETURNED','REFORM_REVIEW','WITHDRAWN') not null,
    proposer varchar(64) not null,
    reason varchar(512) not null,
    proposed_at datetime(6) not null,
    current_due datetime(6),
    published_at datetime(6),
    primary key (id),
    constraint uk_catalog_proposal_number unique (proposal_number)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

create index ix_catalog_proposal_proposer on zpp_catalog_proposal (proposer, proposed_at);

-- the changes of a proposal, in the order proposed
create table zpp_catalog_proposal_change (
    proposal_id bigint not null,
    seq integer not null,
    kind enum ('ADD_ENTRY','CHANGE_ENTRY','RETIRE_ENTRY','SET_CAPABILITIES') not null,
    matter_code varchar(32) not null,
    certificate_code varchar(32),
    disposition enum ('CANCELLED','PROXY','REPLACED','SHARED'),
    replacement enum ('COMMITMENT','LICENCE'),
    detail varchar(1000),
    deadline_working_days integer,
    legal_basis varchar(512),
    online boolean,
    zero_trip boolean,
    primary key (proposal_id, seq),
    constraint fk_catalog_proposal_change foreign key (proposal_id) references zpp_catalog_proposal (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;

-- what happened to a proposal: proposed, approved, refused (with the reason), resubmitted, withdrawn, published
create table zpp_catalog_proposal_step (
    proposal_id bigint not null,
    seq integer not null,
    action enum ('APPROVED','LEGAL_APPROVED','LEGAL_REFUSED','PROPOSED','PUBLISHED','REFUSED','RESUBMITTED','WITHDRAWN') not null,
    actor varchar(64) not null,
    acted_at datetime(6) not null,
    note varchar(1000),
    primary key (proposal_id, seq),
    constraint fk_catalog_proposal_step foreign key (proposal_id) references zpp_catalog_proposal (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
