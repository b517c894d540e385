-- Serving /media/<file> looks the upload up by its file name (is it attached, whose is it).
CREATE INDEX IF NOT EXISTS media_attachments_file_name ON media_attachments (file_name);
CREATE INDEX IF NOT EXISTS media_attachments_preview_name ON media_attachments (preview_name);
