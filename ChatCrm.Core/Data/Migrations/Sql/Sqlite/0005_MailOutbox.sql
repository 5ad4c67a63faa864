-- The mail queue: every mail is a row first, delivered by the background sender (MailDeliveryWorker).
CREATE TABLE "mail_outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mail_outbox" PRIMARY KEY,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "ClaimedAt" INTEGER NULL,
    "SentAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "Reference" TEXT NULL
);

CREATE INDEX "IX_mail_outbox_CreatedAt" ON "mail_outbox" ("CreatedAt");
CREATE INDEX "IX_mail_outbox_Status_CreatedAt" ON "mail_outbox" ("Status", "CreatedAt");
CREATE INDEX "IX_mail_outbox_Status_NextAttemptAt" ON "mail_outbox" ("Status", "NextAttemptAt");

-- Before this version a campaign recipient was Sending only while its mail was handed to SMTP; a row still there
-- was cut off by a stop, so it is closed as Interrupted (never resent). From now on Sending means queued.
UPDATE "campaign_recipients" SET "Status" = 'Interrupted' WHERE "Status" = 'Sending';
