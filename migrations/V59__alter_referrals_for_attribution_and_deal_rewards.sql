-- No referral lost (issue 13): leads added by hand, "who referred you?" answers with a suggested ambassador that a
-- person confirms, deal values with their currency, rewards as a share of the won deal, holds before payout, and the
-- referrer's choice of reward through a private link.

ALTER TABLE referral_leads
    -- the currency of deal_value (a share-of-the-deal reward is paid in it)
    ADD COLUMN deal_currency        CHAR(3)      NOT NULL DEFAULT '',
    -- what the person typed into "Who referred you?", as typed
    ADD COLUMN referrer_answer      VARCHAR(200) NOT NULL DEFAULT '',
    -- the ambassador that answer matched; credited only when a person confirms it (suggestion cleared afterwards)
    ADD COLUMN suggested_client_id  BIGINT       NULL,
    -- when the freelancer marked the won deal's invoice as paid (releases rewards held "until the invoice is paid")
    ADD COLUMN invoice_paid_at      DATETIME(6)  NULL,
    ADD CONSTRAINT fk_referral_lead_suggested FOREIGN KEY (suggested_client_id) REFERENCES clients (id) ON DELETE SET NULL;

ALTER TABLE referral_programs
    -- a reward becomes payable only this many days after the deal is won (NULL: at once)
    ADD COLUMN hold_days        INT         NULL,
    -- ... and only once the freelancer marked the invoice paid
    ADD COLUMN hold_until_paid  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the forms the referrer may choose between (comma list of CASH, CREDIT, DONATION; '' = no choice offered)
    ADD COLUMN reward_choices   VARCHAR(40) NOT NULL DEFAULT '';

ALTER TABLE referral_rewards
    -- not payable before this time (the program's hold after the won date)
    ADD COLUMN payable_from      DATETIME(6) NULL,
    -- not payable until the lead's invoice is marked paid
    ADD COLUMN awaiting_invoice  BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the forms the referrer may still choose between, and the SHA-256 of their private choice link
    ADD COLUMN choices           VARCHAR(40) NOT NULL DEFAULT '',
    ADD COLUMN choice_token_hash CHAR(64)    NULL,
    ADD COLUMN chosen_at         DATETIME(6) NULL,
    ADD CONSTRAINT uq_referral_reward_choice UNIQUE (choice_token_hash);
