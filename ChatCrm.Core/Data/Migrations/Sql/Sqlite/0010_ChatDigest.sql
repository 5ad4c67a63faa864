-- Digest mails of messages left unread: each account's switch (on to begin with) and when its last digest was queued,
-- and on each place in a chat the last message a digest already listed.
ALTER TABLE "users" ADD "DigestMail" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "users" ADD "DigestSentAt" INTEGER NULL;
ALTER TABLE "chat_participants" ADD "DigestedUpToSeq" INTEGER NOT NULL DEFAULT 0;
