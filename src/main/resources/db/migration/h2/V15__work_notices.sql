-- DingTalk work notices to a person (docs/adr/0031-dingtalk-work-notices.md): a third channel, and the link every
-- notice carries to the task in Tasklist or the case in Cockpit.
alter table zpp_notification alter column channel set data type enum ('GROUP','SMS','STAFF');
alter table zpp_notification add column link varchar(500);
