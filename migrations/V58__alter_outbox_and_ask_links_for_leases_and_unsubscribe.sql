-- Which worker holds an outbox row's lease. A worker renews, sends and releases only rows it still holds, so a row
-- taken over after its lease expired (its worker was killed mid-send) is never touched again by the old holder,
-- and a stopping worker hands back exactly the rows it claimed but did not send.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(40) NULL AFTER locked_until,
                   ADD INDEX ix_outbox_claimed_by (claimed_by);

-- Unsubscribing gets its own secret (L6): the List-Unsubscribe header is read by mail providers and scanners, so it
-- must not carry the check-in token that opens the client's flow. Each emailed link gets a second random token whose
-- SHA-256 is kept here (the name ends in _token_hash, so export leaves it out). Links emailed before this change carried the check-in token as their unsubscribe link;
-- those keep working for unsubscribing (the same hash), new ones never do.
ALTER TABLE ask_links ADD COLUMN unsubscribe_token_hash CHAR(64) NULL AFTER token_hash,
                      ADD CONSTRAINT uq_ask_link_unsubscribe UNIQUE (unsubscribe_token_hash);
UPDATE ask_links SET unsubscribe_token_hash = token_hash;
