-- The dashboard's first-run checklist (issue 14): "embed the widget" is the one step no other row shows, so the first
-- time the freelancer opens the widget builder (where the code to copy is) is kept. NULL = not yet.
ALTER TABLE workspaces ADD COLUMN widget_opened_at DATETIME(6) NULL;
