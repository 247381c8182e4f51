"""The use cases the CLI calls, one module each: extract, translate/update, check/status,
build. They read and write the project's files; the modules below them do not."""
