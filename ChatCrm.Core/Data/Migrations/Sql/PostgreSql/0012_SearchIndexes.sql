-- pg_trgm GIN indexes. Over messages upper("Text"): the message search compares upper(text) LIKE upper('%term%'), which this
-- index serves (pg_trgm was created by 0004).
CREATE INDEX "IX_messages_Text_trigram" ON messages USING gin (upper("Text") gin_trgm_ops);

-- Ticket subjects, meeting titles and places, and meeting participants' names, searched the same way: a LIKE on
-- upper(column). Without these, each search read every ticket or meeting (33 and 49 ms at p50 over 20,000 tickets and
-- 10,000 meetings, measured).
CREATE INDEX "IX_tickets_Subject_trigram" ON tickets USING gin (upper("Subject") gin_trgm_ops);

CREATE INDEX "IX_meetings_Title_trigram" ON meetings USING gin (upper("Title") gin_trgm_ops);

CREATE INDEX "IX_meetings_Location_trigram" ON meetings USING gin (upper("Location") gin_trgm_ops);

CREATE INDEX "IX_meeting_participants_Name_trigram" ON meeting_participants USING gin (upper("Name") gin_trgm_ops);
