-- FTS5 trigram indexes for the one search, as 0004 made for leads: message text, ticket subjects, meeting titles and
-- locations, and meeting participants' names. Each stores no copy of the text (external content, keyed by its table's
-- rowid, which VACUUM keeps) and is kept in step by triggers on every insert, text change and delete. Trigram matching
-- ignores case across Unicode (case_sensitive 0, the default). Each trigger is one line because the migration runner
-- splits statements at ";" + newline. A later migration that rebuilds one of these tables must create its triggers
-- again and end with the same rebuild as below.
CREATE VIRTUAL TABLE "message_search" USING fts5("Text", content='messages', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "messages_search_insert" AFTER INSERT ON "messages" BEGIN INSERT INTO "message_search"(rowid, "Text") VALUES (new.rowid, new."Text"); END;

CREATE TRIGGER "messages_search_update" AFTER UPDATE OF "Text" ON "messages" BEGIN INSERT INTO "message_search"("message_search", rowid, "Text") VALUES ('delete', old.rowid, old."Text"); INSERT INTO "message_search"(rowid, "Text") VALUES (new.rowid, new."Text"); END;

CREATE TRIGGER "messages_search_delete" AFTER DELETE ON "messages" BEGIN INSERT INTO "message_search"("message_search", rowid, "Text") VALUES ('delete', old.rowid, old."Text"); END;

CREATE VIRTUAL TABLE "ticket_search" USING fts5("Subject", content='tickets', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "tickets_search_insert" AFTER INSERT ON "tickets" BEGIN INSERT INTO "ticket_search"(rowid, "Subject") VALUES (new.rowid, new."Subject"); END;

CREATE TRIGGER "tickets_search_update" AFTER UPDATE OF "Subject" ON "tickets" BEGIN INSERT INTO "ticket_search"("ticket_search", rowid, "Subject") VALUES ('delete', old.rowid, old."Subject"); INSERT INTO "ticket_search"(rowid, "Subject") VALUES (new.rowid, new."Subject"); END;

CREATE TRIGGER "tickets_search_delete" AFTER DELETE ON "tickets" BEGIN INSERT INTO "ticket_search"("ticket_search", rowid, "Subject") VALUES ('delete', old.rowid, old."Subject"); END;

CREATE VIRTUAL TABLE "meeting_search" USING fts5("Title", "Location", content='meetings', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "meetings_search_insert" AFTER INSERT ON "meetings" BEGIN INSERT INTO "meeting_search"(rowid, "Title", "Location") VALUES (new.rowid, new."Title", new."Location"); END;

CREATE TRIGGER "meetings_search_update" AFTER UPDATE OF "Title", "Location" ON "meetings" BEGIN INSERT INTO "meeting_search"("meeting_search", rowid, "Title", "Location") VALUES ('delete', old.rowid, old."Title", old."Location"); INSERT INTO "meeting_search"(rowid, "Title", "Location") VALUES (new.rowid, new."Title", new."Location"); END;

CREATE TRIGGER "meetings_search_delete" AFTER DELETE ON "meetings" BEGIN INSERT INTO "meeting_search"("meeting_search", rowid, "Title", "Location") VALUES ('delete', old.rowid, old."Title", old."Location"); END;

CREATE VIRTUAL TABLE "meeting_participant_search" USING fts5("Name", content='meeting_participants', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "meeting_participants_search_insert" AFTER INSERT ON "meeting_participants" BEGIN INSERT INTO "meeting_participant_search"(rowid, "Name") VALUES (new.rowid, new."Name"); END;

CREATE TRIGGER "meeting_participants_search_update" AFTER UPDATE OF "Name" ON "meeting_participants" BEGIN INSERT INTO "meeting_participant_search"("meeting_participant_search", rowid, "Name") VALUES ('delete', old.rowid, old."Name"); INSERT INTO "meeting_participant_search"(rowid, "Name") VALUES (new.rowid, new."Name"); END;

CREATE TRIGGER "meeting_participants_search_delete" AFTER DELETE ON "meeting_participants" BEGIN INSERT INTO "meeting_participant_search"("meeting_participant_search", rowid, "Name") VALUES ('delete', old.rowid, old."Name"); END;

-- Rows written before this migration.
INSERT INTO "message_search"("message_search") VALUES ('rebuild');

INSERT INTO "ticket_search"("ticket_search") VALUES ('rebuild');

INSERT INTO "meeting_search"("meeting_search") VALUES ('rebuild');

INSERT INTO "meeting_participant_search"("meeting_participant_search") VALUES ('rebuild');
