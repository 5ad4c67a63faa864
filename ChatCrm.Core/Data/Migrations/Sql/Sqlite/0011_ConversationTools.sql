-- Conversation tools: a message may answer another (a quote above it), name people (@mentions, an array of ids),
-- and be pinned to its chat; people put emoji on messages, one row per person and emoji.
ALTER TABLE "messages" ADD "ReplyToId" TEXT NULL;
ALTER TABLE "messages" ADD "Mentions" TEXT NULL;
ALTER TABLE "messages" ADD "PinnedAt" INTEGER NULL;
ALTER TABLE "messages" ADD "PinnedBy" TEXT NULL;
CREATE INDEX "IX_messages_ConversationId_PinnedAt" ON "messages" ("ConversationId", "PinnedAt");

CREATE TABLE "message_reactions" (
    "MessageId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Emoji" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_message_reactions" PRIMARY KEY ("MessageId", "UserId", "Emoji"),
    CONSTRAINT "FK_message_reactions_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "messages" ("Id") ON DELETE CASCADE
);
