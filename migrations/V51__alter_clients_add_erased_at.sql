-- A client whose personal data was erased on request keeps its row (so anonymous figures such as scores and project
-- values still count), marked here; the row no longer holds a name, email or any other personal detail.
ALTER TABLE clients ADD COLUMN erased_at DATETIME(6) NULL;
