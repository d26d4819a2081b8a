-- One-time codes are stored nowhere in clear (docs/adr/0005-one-time-codes.md): a run keeps a salted hash of its
-- code, and a text message keeps a mask where its code goes; the outbox mints a fresh code when it sends one.
-- V12, not the next number: V10 and V11 are taken by changes made at the same time.
alter table zpp_proxy_run add column authorization_code_salt varchar(32);
alter table zpp_notification add column one_time_code boolean default false not null;
-- codes of messages already stored: masked; one still pending (or failed, for a resend) gets a fresh code when sent
update zpp_notification
    set one_time_code = true,
        message_text = regexp_replace(message_text, '验证码 [0-9]{6}', '验证码 ******')
    where channel = 'SMS' and regexp_like(message_text, '验证码 [0-9]{6}');
