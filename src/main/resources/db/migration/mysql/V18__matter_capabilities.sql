-- What a matter can be done as, for the county's matter-level figures (可网办, 零跑腿; docs/kpi.md). Existing
-- matters start as neither: the catalog maintainers set them (an import, through the review).
alter table zpp_matter add column online boolean default false not null;
alter table zpp_matter add column zero_trip boolean default false not null;
