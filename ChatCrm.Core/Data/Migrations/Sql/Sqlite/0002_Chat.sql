CREATE TABLE "chats" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_chats" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NULL,
    "AvatarFile" TEXT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "DirectKey" TEXT NULL,
    "LastSeq" INTEGER NOT NULL,
    "LastActivityAt" INTEGER NOT NULL,
    "LastMessageSenderId" TEXT NULL,
    "LastMessagePreview" TEXT NULL
);

CREATE UNIQUE INDEX "IX_chats_DirectKey" ON "chats" ("DirectKey");

CREATE INDEX "IX_chats_LastActivityAt" ON "chats" ("LastActivityAt");

CREATE TABLE "messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_messages" PRIMARY KEY,
    "ConversationId" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "SenderId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NULL,
    "AttachmentStoredName" TEXT NULL,
    "AttachmentFileName" TEXT NULL,
    "AttachmentContentType" TEXT NULL,
    "AttachmentSize" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "EditedAt" INTEGER NULL,
    "DeletedAt" INTEGER NULL,
    CONSTRAINT "FK_messages_chats_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "chats" ("Id") ON DELETE CASCADE
);

CREATE TABLE "chat_participants" (
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
    CONSTRAINT "FK_chat_participants_chats_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "chats" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_chat_participants_users_UserId" FOREIGN KEY ("UserId") REFERENCES "users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_chat_participants_UserId_ConversationId" ON "chat_participants" ("UserId", "ConversationId");

CREATE UNIQUE INDEX "IX_messages_ConversationId_Seq" ON "messages" ("ConversationId", "Seq");
