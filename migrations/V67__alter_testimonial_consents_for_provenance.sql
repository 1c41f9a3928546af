-- Where a consent-ledger row comes from (issue 13, "trust you can prove"). 'here': recorded by this installation, or
-- carried unchanged in one of its own signed workspace exports (data/ExportSignature). 'unverified': it came in a
-- workspace archive whose signature did not verify (unsigned, from another installation, or changed after signing):
-- the archive says that consent was given, nothing proves it. The consent history shows such rows as unverified, they
-- never make a testimonial verified, and a later signed export carries the mark along, so it cannot be washed off by
-- exporting and importing again. Rows recorded before this column are 'here'.
ALTER TABLE testimonial_consents ADD COLUMN provenance VARCHAR(12) NOT NULL DEFAULT 'here';
