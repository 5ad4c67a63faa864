-- Digest mails of messages left unread: each account's switch (on to begin with) and when its last digest was queued,
-- and on each place in a chat the last message a digest already listed.
ALTER TABLE users ADD "DigestMail" boolean NOT NULL DEFAULT TRUE;
ALTER TABLE users ADD "DigestSentAt" timestamp with time zone;
ALTER TABLE chat_participants ADD "DigestedUpToSeq" bigint NOT NULL DEFAULT 0;
