"""`python -m eligibility`, and the `eligibility` command."""

import sys


def run() -> None:
    """The command, with Ctrl-C pressed while it is still being loaded ended as one pressed later is."""
    try:
        from eligibility.cli import main

        main()
    except KeyboardInterrupt:
        # Loading the command line (typer, pydantic) takes a few tenths of a second, before click's own handling of
        # Ctrl-C: one pressed then printed a traceback of whatever was being imported.
        sys.stderr.write("\n")
        sys.exit(130)


if __name__ == "__main__":
    run()
