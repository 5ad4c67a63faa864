CREATE TABLE tickets (
    "Id" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Subject" character varying(150) NOT NULL,
    "Description" character varying(8000) NOT NULL,
    "Priority" character varying(16) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "RequesterId" uuid NOT NULL,
    "AssigneeId" uuid,
    "DueAt" timestamp with time zone NOT NULL,
    "ResolvedAt" timestamp with time zone,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_tickets" PRIMARY KEY ("Id")
);

CREATE TABLE ticket_comments (
    "Id" uuid NOT NULL,
    "TicketId" uuid NOT NULL,
    "AuthorId" uuid NOT NULL,
    "Body" character varying(8000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ticket_comments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ticket_comments_tickets_TicketId" FOREIGN KEY ("TicketId") REFERENCES tickets ("Id") ON DELETE CASCADE
);

CREATE TABLE campaigns (
    "Id" uuid NOT NULL,
    "Name" character varying(120) NOT NULL,
    "Channel" character varying(16) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "ScheduledAt" timestamp with time zone,
    "AudienceQuery" character varying(2000) NOT NULL,
    "Subject" character varying(200),
    "Body" character varying(20000),
    "Notes" character varying(4000),
    "Sent" integer NOT NULL,
    "Delivered" integer NOT NULL,
    "Opened" integer NOT NULL,
    "Replied" integer NOT NULL,
    "Converted" integer NOT NULL,
    "OwnerId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "SendStartedAt" timestamp with time zone,
    "SendCompletedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_campaigns" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_campaigns_users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES users ("Id") ON DELETE SET NULL
);

CREATE TABLE leads (
    "Id" uuid NOT NULL,
    "Name" character varying(120) NOT NULL,
    "Email" character varying(254) NOT NULL,
    "NormalizedEmail" character varying(254) NOT NULL,
    "Phone" character varying(32),
    "Company" character varying(120),
    "Status" character varying(16) NOT NULL,
    "Source" character varying(60),
    "OwnerId" uuid,
    "Notes" character varying(4000),
    "SearchText" character varying(529) NOT NULL,
    "UnsubscribedAt" timestamp with time zone,
    "CreatedById" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_leads" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_leads_users_OwnerId" FOREIGN KEY ("OwnerId") REFERENCES users ("Id") ON DELETE SET NULL
);

CREATE TABLE meetings (
    "Id" uuid NOT NULL,
    "Title" character varying(150) NOT NULL,
    "StartAt" timestamp with time zone NOT NULL,
    "EndAt" timestamp with time zone NOT NULL,
    "Location" character varying(300),
    "Notes" character varying(4000),
    "OrganizerId" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_meetings" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_meetings_users_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES users ("Id") ON DELETE SET NULL
);

CREATE TABLE campaign_recipients (
    "CampaignId" uuid NOT NULL,
    "LeadId" uuid NOT NULL,
    "Email" character varying(254) NOT NULL,
    "Name" character varying(120) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "SentAt" timestamp with time zone,
    "Error" character varying(500),
    CONSTRAINT "PK_campaign_recipients" PRIMARY KEY ("CampaignId", "LeadId"),
    CONSTRAINT "FK_campaign_recipients_campaigns_CampaignId" FOREIGN KEY ("CampaignId") REFERENCES campaigns ("Id") ON DELETE CASCADE
);

CREATE TABLE lead_activities (
    "Id" uuid NOT NULL,
    "LeadId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Text" character varying(4000),
    "ActorId" uuid,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_lead_activities" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_lead_activities_leads_LeadId" FOREIGN KEY ("LeadId") REFERENCES leads ("Id") ON DELETE CASCADE
);

CREATE TABLE lead_tags (
    "LeadId" uuid NOT NULL,
    "Value" character varying(40) NOT NULL,
    CONSTRAINT "PK_lead_tags" PRIMARY KEY ("LeadId", "Value"),
    CONSTRAINT "FK_lead_tags_leads_LeadId" FOREIGN KEY ("LeadId") REFERENCES leads ("Id") ON DELETE CASCADE
);

CREATE TABLE meeting_participants (
    "MeetingId" uuid NOT NULL,
    "ParticipantId" uuid NOT NULL,
    "Kind" character varying(8) NOT NULL,
    "Name" character varying(120) NOT NULL,
    "Email" character varying(254) NOT NULL,
    "StartAt" timestamp with time zone NOT NULL,
    "EndAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_meeting_participants" PRIMARY KEY ("MeetingId", "ParticipantId"),
    CONSTRAINT "FK_meeting_participants_meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES meetings ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_campaign_recipients_CampaignId_Status" ON campaign_recipients ("CampaignId", "Status");

CREATE INDEX "IX_campaigns_Name" ON campaigns ("Name");

CREATE INDEX "IX_campaigns_OwnerId" ON campaigns ("OwnerId");

CREATE INDEX "IX_campaigns_Status_ScheduledAt" ON campaigns ("Status", "ScheduledAt");

CREATE INDEX "IX_campaigns_UpdatedAt" ON campaigns ("UpdatedAt");

CREATE INDEX "IX_lead_activities_LeadId_At" ON lead_activities ("LeadId", "At");

CREATE INDEX "IX_lead_tags_Value_LeadId" ON lead_tags ("Value", "LeadId");

CREATE INDEX "IX_leads_Company_Id" ON leads ("Company", "Id");

CREATE INDEX "IX_leads_CreatedAt_Id" ON leads ("CreatedAt", "Id");

CREATE INDEX "IX_leads_Name_Id" ON leads ("Name", "Id");

CREATE INDEX "IX_leads_NormalizedEmail" ON leads ("NormalizedEmail");

CREATE INDEX "IX_leads_OwnerId_UpdatedAt_Id" ON leads ("OwnerId", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_SearchText_Id" ON leads ("SearchText", "Id");

CREATE INDEX "IX_leads_Source_UpdatedAt_Id" ON leads ("Source", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_Status_SearchText_Id" ON leads ("Status", "SearchText", "Id");

CREATE INDEX "IX_leads_Status_UpdatedAt_Id" ON leads ("Status", "UpdatedAt", "Id");

CREATE INDEX "IX_leads_UpdatedAt_Id" ON leads ("UpdatedAt", "Id");

CREATE INDEX "IX_meeting_participants_ParticipantId_StartAt" ON meeting_participants ("ParticipantId", "StartAt");

CREATE INDEX "IX_meetings_OrganizerId" ON meetings ("OrganizerId");

CREATE INDEX "IX_meetings_StartAt_EndAt" ON meetings ("StartAt", "EndAt");

CREATE INDEX "IX_ticket_comments_TicketId_CreatedAt" ON ticket_comments ("TicketId", "CreatedAt");

CREATE INDEX "IX_tickets_AssigneeId_UpdatedAt" ON tickets ("AssigneeId", "UpdatedAt");

CREATE INDEX "IX_tickets_CreatedAt" ON tickets ("CreatedAt");

CREATE UNIQUE INDEX "IX_tickets_Number" ON tickets ("Number");

CREATE INDEX "IX_tickets_Priority_Status" ON tickets ("Priority", "Status");

CREATE INDEX "IX_tickets_RequesterId_UpdatedAt" ON tickets ("RequesterId", "UpdatedAt");

CREATE INDEX "IX_tickets_Status_DueAt" ON tickets ("Status", "DueAt");

CREATE INDEX "IX_tickets_UpdatedAt" ON tickets ("UpdatedAt");
