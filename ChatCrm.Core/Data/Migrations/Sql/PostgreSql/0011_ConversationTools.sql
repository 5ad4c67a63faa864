-- Conversation tools: a message may answer another (a quote above it), name people (@mentions, an array of ids),
-- and be pinned to its chat; people put emoji on messages, one row per person and emoji.
ALTER TABLE messages ADD "ReplyToId" uuid;
ALTER TABLE messages ADD "Mentions" uuid[];
ALTER TABLE messages ADD "PinnedAt" timestamp with time zone;
ALTER TABLE messages ADD "PinnedBy" uuid;
CREATE INDEX "IX_messages_ConversationId_PinnedAt" ON messages ("ConversationId", "PinnedAt");

CREATE TABLE message_reactions (
    "MessageId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Emoji" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_message_reactions" PRIMARY KEY ("MessageId", "UserId", "Emoji"),
    CONSTRAINT "FK_message_reactions_messages_MessageId" FOREIGN KEY ("MessageId") REFERENCES messages ("Id") ON DELETE CASCADE
);
