-- An FTS5 trigram index over leads.SearchText. It stores no copy of the text ("external content": FTS5 reads
-- leads itself when it needs the text) and is keyed by the leads table's rowid, which VACUUM keeps
-- (LeadTextIndexTests prove it). The triggers keep it in step with every insert, text change and delete; each
-- trigger is one line because the migration runner splits statements at ";" + newline. A later migration that
-- rebuilds the leads table must create the triggers again and end with the same rebuild as below.
CREATE VIRTUAL TABLE "lead_search" USING fts5("SearchText", content='leads', content_rowid='rowid', tokenize='trigram');

CREATE TRIGGER "leads_search_insert" AFTER INSERT ON "leads" BEGIN INSERT INTO "lead_search"(rowid, "SearchText") VALUES (new.rowid, new."SearchText"); END;

CREATE TRIGGER "leads_search_update" AFTER UPDATE OF "SearchText" ON "leads" BEGIN INSERT INTO "lead_search"("lead_search", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText"); INSERT INTO "lead_search"(rowid, "SearchText") VALUES (new.rowid, new."SearchText"); END;

CREATE TRIGGER "leads_search_delete" AFTER DELETE ON "leads" BEGIN INSERT INTO "lead_search"("lead_search", rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText"); END;

-- Leads written before this migration.
INSERT INTO "lead_search"("lead_search") VALUES ('rebuild');
