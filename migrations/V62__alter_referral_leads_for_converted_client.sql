-- "Convert to client" on a won lead (issue 14): the client the friend became (created from the lead, or the existing
-- client with the same email), so the lead page links to it and a second click cannot make a second client.

ALTER TABLE referral_leads
    ADD COLUMN converted_client_id BIGINT NULL,
    ADD CONSTRAINT fk_referral_lead_converted FOREIGN KEY (converted_client_id) REFERENCES clients (id) ON DELETE SET NULL;
