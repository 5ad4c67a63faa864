CREATE TABLE chats (
    "Id" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Name" character varying(80),
    "AvatarFile" character varying(64),
    "CreatedBy" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DirectKey" character varying(80),
    "LastSeq" bigint NOT NULL,
    "LastActivityAt" timestamp with time zone NOT NULL,
    "LastMessageSenderId" uuid,
    "LastMessagePreview" character varying(120),
    CONSTRAINT "PK_chats" PRIMARY KEY ("Id")
);

CREATE TABLE messages (
    "Id" uuid NOT NULL,
    "ConversationId" uuid NOT NULL,
    "Seq" bigint NOT NULL,
    "SenderId" uuid,
    "Kind" character varying(16) NOT NULL,
    "Text" character varying(4000),
    "AttachmentStoredName" character varying(64),
    "AttachmentFileName" character varying(200),
    "AttachmentContentType" character varying(100),
    "AttachmentSize" bigint,
    "CreatedAt" timestamp with time zone NOT NULL,
    "EditedAt" timestamp with time zone,
    "DeletedAt" timestamp with time zone,
    CONSTRAINT "PK_messages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_messages_chats_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES chats ("Id") ON DELETE CASCADE
);

CREATE TABLE chat_participants (
    "ConversationId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "IsOwner" boolean NOT NULL,
    "JoinedAt" timestamp with time zone NOT NULL,
    "LeftAt" timestamp with time zone,
    "VisibleUpToSeq" bigint,
    "VisibleFromSeq" bigint NOT NULL,
    "LastReadSeq" bigint NOT NULL,
    "HiddenUpToSeq" bigint,
    CONSTRAINT "PK_chat_participants" PRIMARY KEY ("ConversationId", "UserId"),
    CONSTRAINT "FK_chat_participants_chats_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES chats ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_chat_participants_users_UserId" FOREIGN KEY ("UserId") REFERENCES users ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_chat_participants_UserId_ConversationId" ON chat_participants ("UserId", "ConversationId");

CREATE UNIQUE INDEX "IX_chats_DirectKey" ON chats ("DirectKey");

CREATE INDEX "IX_chats_LastActivityAt" ON chats ("LastActivityAt");

CREATE UNIQUE INDEX "IX_messages_ConversationId_Seq" ON messages ("ConversationId", "Seq");
