-- Which worker holds an outbox row's lease. A worker renews, sends and releases only rows it still holds, so a row
-- taken over after its lease expired (its worker was killed mid-send) is never touched again by the old holder,
-- and a stopping worker hands back exactly the rows it claimed but did not send.
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(40) NULL AFTER locked_until,
                   ADD INDEX ix_outbox_claimed_by (claimed_by);
