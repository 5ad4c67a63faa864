-- A pg_trgm GIN index over upper("Text"): the message search compares upper(text) LIKE upper('%term%'), which this
-- index serves (pg_trgm was created by 0004).
CREATE INDEX "IX_messages_Text_trigram" ON messages USING gin (upper("Text") gin_trgm_ops);
