"""One module per ``kg`` subcommand.

Each module has ``register(subparsers)`` adding its parser (with ``func`` set to the
function that runs it) and nothing else at import time, so commands stay independent
and the CLI stays a thin layer over the library.
"""
