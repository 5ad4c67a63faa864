-- Alerts for messages in chats not in view: each account's switches for browser notifications and sound (both on to
-- begin with, existing accounts too), and a per-chat mute on each place in a chat.
ALTER TABLE users ADD "NotifyDesktop" boolean NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD "NotifySound" boolean NOT NULL DEFAULT TRUE;
ALTER TABLE chat_participants ADD "Muted" boolean NOT NULL DEFAULT FALSE;
