"""Custom Rasa components of the outreach engine (loaded by the engine from `engine/`, never by the app)."""
