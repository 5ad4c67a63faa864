-- A deleted account keeps its place in its chats, as its messages do: chat_participants loses its foreign key to
-- users. SQLite cannot drop a constraint, so the table is rebuilt (nothing references it, so dropping it is safe).
CREATE TABLE "chat_participants_new" (
    "ConversationId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "IsOwner" INTEGER NOT NULL,
    "JoinedAt" INTEGER NOT NULL,
    "LeftAt" INTEGER NULL,
    "VisibleUpToSeq" INTEGER NULL,
    "VisibleFromSeq" INTEGER NOT NULL,
    "LastReadSeq" INTEGER NOT NULL,
    "HiddenUpToSeq" INTEGER NULL,
    CONSTRAINT "PK_chat_participants" PRIMARY KEY ("ConversationId", "UserId"),
    CONSTRAINT "FK_chat_participants_chats_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "chats" ("Id") ON DELETE CASCADE
);

INSERT INTO "chat_participants_new" ("ConversationId", "UserId", "IsOwner", "JoinedAt", "LeftAt", "VisibleUpToSeq", "VisibleFromSeq", "LastReadSeq", "HiddenUpToSeq")
SELECT "ConversationId", "UserId", "IsOwner", "JoinedAt", "LeftAt", "VisibleUpToSeq", "VisibleFromSeq", "LastReadSeq", "HiddenUpToSeq" FROM "chat_participants";

DROP TABLE "chat_participants";

ALTER TABLE "chat_participants_new" RENAME TO "chat_participants";

CREATE INDEX "IX_chat_participants_UserId_ConversationId" ON "chat_participants" ("UserId", "ConversationId");
