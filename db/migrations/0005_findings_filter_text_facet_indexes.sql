-- Hand-added: the trigram GIN index below needs pg_trgm (ILIKE on trigrams) and btree_gin (tenant_id in a GIN).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "findings_tenant_status_idx";--> statement-breakpoint
CREATE INDEX "findings_tenant_status_facets_idx" ON "findings" USING btree ("tenant_id","status","severity","provider","rule_id");--> statement-breakpoint
CREATE INDEX "findings_tenant_status_provider_rank_idx" ON "findings" USING btree ("tenant_id","status","provider",(case severity when 'info' then 0 when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else -1 end),"id");--> statement-breakpoint
CREATE INDEX "findings_tenant_status_rule_rank_idx" ON "findings" USING btree ("tenant_id","status","rule_id",(case severity when 'info' then 0 when 'low' then 1 when 'medium' then 2 when 'high' then 3 when 'critical' then 4 else -1 end),"id");--> statement-breakpoint
CREATE INDEX "findings_tenant_search_text_idx" ON "findings" USING gin ("tenant_id",(title || chr(31) || rule_id || chr(31) || asset_name || chr(31) || asset_key || chr(31) || asset_external_id) gin_trgm_ops);