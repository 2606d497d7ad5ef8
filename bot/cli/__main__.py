"""`python -m bot.cli` runs the `briefbot` command (used where the console script is not on PATH)."""

from bot.cli import main

main()
