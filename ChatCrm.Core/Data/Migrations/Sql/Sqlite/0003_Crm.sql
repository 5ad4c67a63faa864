CREATE TABLE "tickets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tickets" PRIMARY KEY,
    "Number" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RequesterId" TEXT NOT NULL,
    "AssigneeId" TEXT NULL,
    "DueAt" INTEGER NOT NULL,
    "ResolvedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "ticket_comments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ticket_comments" PRIMARY KEY,
    "TicketId" TEXT NOT NULL,
    "AuthorId" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ticket_comments_tickets_TicketId" FOREIGN KEY ("TicketId") REFERENCES "tickets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "campaigns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_campaigns" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ScheduledAt" INTEGER NULL,
    "AudienceQuery" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NULL,
    "Notes" TEXT NULL,
    "Sent" INTEGER NOT NULL,
    "Delivered" INTEGER NOT NULL,
    "Opened" INTEGER NOT NULL,
    "Replied" INTEGER NOT NULL,
    "Converted" INTEGER NOT NULL,
    "OwnerId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "SendStartedAt" INTEGER NULL,
    "SendCompletedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_campaigns_users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "users" ("Id") ON DELETE SET NULL
);

CREATE TABLE "leads" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_leads" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "NormalizedEmail" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "Company" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Source" TEXT NULL,
    "OwnerId" TEXT NULL,
    "Notes" TEXT NULL,
    "SearchText" TEXT NOT NULL,
    "UnsubscribedAt" INTEGER NULL,
    "CreatedById" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_leads_users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES "users" ("Id") ON DELETE SET NULL
);

CREATE TABLE "meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_meetings" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "StartAt" INTEGER NOT NULL,
    "EndAt" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "Notes" TEXT NULL,
    "OrganizerId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_meetings_users_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "users" ("Id") ON DELETE SET NULL
);

CREATE TABLE "campaign_recipients" (
    "CampaignId" TEXT NOT NULL,
    "LeadId" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SentAt" INTEGER NULL,
    "Error" TEXT NULL,
    CONSTRAINT "PK_campaign_recipients" PRIMARY KEY ("CampaignId", "LeadId"),
    CONSTRAINT "FK_campaign_recipients_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES "campaigns" ("Id") ON DELETE CASCADE
);

CREATE TABLE "lead_activities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_lead_activities" PRIMARY KEY,
    "LeadId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NULL,
    "ActorId" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_lead_activities_leads_LeadId" FOREIGN KEY ("LeadId") REFERENCES "leads" ("Id") ON DELETE CASCADE
);

CREATE TABLE "lead_tags" (
    "LeadId" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "PK_lead_tags" PRIMARY KEY ("LeadId", "Value"),
    CONSTRAINT "FK_lead_tags_leads_LeadId" FOREIGN KEY ("LeadId") REFERENCES "leads" ("Id") ON DELETE CASCADE
);

CREATE TABLE "meeting_participants" (
    "MeetingId" TEXT NOT NULL,
    "ParticipantId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "StartAt" INTEGER NOT NULL,
    "EndAt" INTEGER NOT NULL,
    CONSTRAINT "PK_meeting_participants" PRIMARY KEY ("MeetingId", "ParticipantId"),
    CONSTRAINT "FK_meeting_participants_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "meetings" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_campaign_recipients_CampaignId_Status" ON "campaign_recipients" ("CampaignId", "Status");

CREATE INDEX "IX_campaigns_Name" ON "campaigns" ("Name");

CREATE INDEX "IX_campaigns_OwnerId" ON "campaigns" ("OwnerId");

CREATE INDEX "IX_campaigns_Status_ScheduledAt" ON "campaigns" ("Status", "ScheduledAt");

CREATE INDEX "IX_campaigns_UpdatedAt" ON "campaigns" ("UpdatedAt");

CREATE INDEX "IX_lead_activities_LeadId_At" ON "lead_activities" ("LeadId", "At");

CREATE INDEX "IX_lead_tags_Value_LeadId" ON "lead_tags" ("Value", "LeadId");

CREATE INDEX "IX_leads_Company_Id" ON "leads" ("Company", "Id");

CREATE INDEX "IX_leads_CreatedAt_Id" ON "leads" ("CreatedAt", "Id");

CREATE INDEX "IX_leads_Name_Id" ON "leads" ("Name", "Id");

CREATE INDEX "IX_leads_NormalizedEmail" ON "leads" ("NormalizedEmail");

CREATE INDEX "IX_leads_OwnerId_UpdatedAt_Id" ON "leads" ("OwnerId", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_SearchText_Id" ON "leads" ("SearchText", "Id");

CREATE INDEX "IX_leads_Source_UpdatedAt_Id" ON "leads" ("Source", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_Status_SearchText_Id" ON "leads" ("Status", "SearchText", "Id");

CREATE INDEX "IX_leads_Status_UpdatedAt_Id" ON "leads" ("Status", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_UpdatedAt_Id" ON "leads" ("UpdatedAt", "Id");

CREATE INDEX "IX_meeting_participants_ParticipantId_StartAt" ON "meeting_participants" ("ParticipantId", "StartAt");

CREATE INDEX "IX_meetings_OrganizerId" ON "meetings" ("OrganizerId");

CREATE INDEX "IX_meetings_StartAt_EndAt" ON "meetings" ("StartAt", "EndAt");

CREATE INDEX "IX_ticket_comments_TicketId_CreatedAt" ON "ticket_comments" ("TicketId", "CreatedAt");

CREATE INDEX "IX_tickets_AssigneeId_UpdatedAt" ON "tickets" ("AssigneeId", "UpdatedAt");

CREATE INDEX "IX_tickets_CreatedAt" ON "tickets" ("CreatedAt");

CREATE UNIQUE INDEX "IX_tickets_Number" ON "tickets" ("Number");

CREATE INDEX "IX_tickets_Priority_Status" ON "tickets" ("Priority", "Status");

CREATE INDEX "IX_tickets_RequesterId_UpdatedAt" ON "tickets" ("RequesterId", "UpdatedAt");

CREATE INDEX "IX_tickets_Status_DueAt" ON "tickets" ("Status", "DueAt");

CREATE INDEX "IX_tickets_UpdatedAt" ON "tickets" ("UpdatedAt");
