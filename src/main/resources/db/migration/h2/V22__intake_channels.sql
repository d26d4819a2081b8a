-- Where a case was taken in (docs/adr/0038-intake-channels.md): a window, the provincial platform (its own
-- application id) or a village agent (the village). Cases taken before were all taken at a window.
alter table zpp_application add column intake_channel varchar(16) default 'WINDOW' not null;
alter table zpp_application add column intake_reference varchar(64);
alter table zpp_proxy_run add column intake_channel varchar(16) default 'WINDOW' not null;
alter table zpp_proxy_run add column intake_reference varchar(64);
