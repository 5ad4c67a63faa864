-- The mail queue: every mail is a row first, delivered by the background sender (MailDeliveryWorker).
CREATE TABLE mail_outbox (
    "Id" uuid NOT NULL,
    "To" character varying(320) NOT NULL,
    "Subject" character varying(300) NOT NULL,
    "TextBody" text NOT NULL,
    "HtmlBody" text NOT NULL,
    "Status" character varying(16) NOT NULL,
    "Attempts" integer NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "NextAttemptAt" timestamp with time zone NOT NULL,
    "ClaimedAt" timestamp with time zone,
    "SentAt" timestamp with time zone,
    "LastError" character varying(1000),
    "Reference" character varying(100),
    CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_mail_outbox_CreatedAt" ON mail_outbox ("CreatedAt");
CREATE INDEX "IX_mail_outbox_Status_CreatedAt" ON mail_outbox ("Status", "CreatedAt");
CREATE INDEX "IX_mail_outbox_Status_NextAttemptAt" ON mail_outbox ("Status", "NextAttemptAt");

-- Before this version a campaign recipient was Sending only while its mail was handed to SMTP; a row still there
-- was cut off by a stop, so it is closed as Interrupted (never resent). From now on Sending means queued.
UPDATE campaign_recipients SET "Status" = 'Interrupted' WHERE "Status" = 'Sending';
