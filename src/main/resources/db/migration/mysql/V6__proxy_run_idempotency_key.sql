-- A window clerk who clicks twice, or retries after a lost answer, opens one proxy-run: the same Idempotency-Key
-- returns the run it opened, told apart from another request by its fingerprint. Runs of a case have no key.
alter table zpp_proxy_run add column idempotency_key varchar(64);
alter table zpp_proxy_run add column request_fingerprint varchar(64);
alter table zpp_proxy_run add constraint uk_proxy_run_idempotency_key unique (idempotency_key);
