-- DingTalk work notices to a person (docs/adr/0031-dingtalk-work-notices.md): a third channel, and the link every
-- notice carries to the task in Tasklist or the case in Cockpit.
alter table zpp_notification modify column channel enum ('GROUP','SMS','STAFF') not null;
alter table zpp_notification add column link varchar(500);
