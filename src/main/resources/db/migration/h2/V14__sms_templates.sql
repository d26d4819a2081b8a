-- Text messages are provider templates (docs/adr/0030-sms-templates-and-aliyun.md): the outbox keeps the template
-- and its parameters as JSON (never a one-time code), the provider's id of a sent message (Aliyun's BizId) and
-- its delivery receipt (null until the provider has one).
-- Messages stored before keep their text; one still pending fails at its next attempt and says why.
alter table zpp_notification add column sms_template varchar(40);
alter table zpp_notification add column template_params varchar(2000);
alter table zpp_notification add column provider_id varchar(64);
alter table zpp_notification add column delivered boolean;
alter table zpp_notification add column receipt_error varchar(64);
