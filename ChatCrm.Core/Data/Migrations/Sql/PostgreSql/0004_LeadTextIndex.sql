CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "IX_leads_SearchText_trigram" ON leads USING gin ("SearchText" gin_trgm_ops);
