"""Everything that makes a page: glue, tables, figures, HTML snippets, build facts, the results ledger."""
