-- A counter stamped into every session at sign-in. A password reset or change raises it, so every session signed in
-- before (a thief's included) stops working on its next request, on every portal process at once.
ALTER TABLE accounts ADD COLUMN session_epoch INT NOT NULL DEFAULT 0;
