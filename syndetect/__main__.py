"""``python -m syndetect``."""

from syndetect.cli import main

main()
