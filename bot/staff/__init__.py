"""The staff consoles: sign-in, roles and audit, the schedulers' handoff inbox, the operations dashboard."""
