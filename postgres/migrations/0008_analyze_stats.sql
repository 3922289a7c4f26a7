-- No query's plan depends on statistics of an article's text or its
-- search vector, and they are most of ANALYZE's time on article_versions.
-- With their targets at 0, ANALYZE skips them, so the whole table can be
-- analysed cheaply: only a whole-table ANALYZE resets PostgreSQL's count of
-- rows changed since the last one (a column list leaves it growing, and the
-- table was re-analysed by every command).
ALTER TABLE article_versions ALTER COLUMN text SET STATISTICS 0;
ALTER TABLE article_versions ALTER COLUMN search SET STATISTICS 0;
