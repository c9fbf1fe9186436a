"""Command-line tools behind the make targets: check, new, schemas, contract, the link check and
the static server that the browser tests and the bench share. They use the core (``macros/``)
and never MkDocs."""
