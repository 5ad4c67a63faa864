-- Alerts for messages in chats not in view: each account's switches for browser notifications and sound (both on to
-- begin with, existing accounts too), and a per-chat mute on each place in a chat.
ALTER TABLE "users" ADD "NotifyDesktop" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "users" ADD "NotifySound" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "chat_participants" ADD "Muted" INTEGER NOT NULL DEFAULT 0;
