"""Use cases: what a user action does, above the database and below the pages.

Layers, each importing only the ones below it:

    app_pages/  ->  ui/  ->  services/  ->  db/  ->  core/

* ``core/``: pure domain logic (emotions, captures, prompts, safety, hashing,
  validation, vision); imports neither ``db``, ``services`` nor Streamlit.
* ``db/``: SQLAlchemy models and data functions that take a session.
* ``services/``: one module per area (accounts, chat, moods); functions take a
  session (one transaction per user action, opened by the caller) or a store,
  and return plain records. No Streamlit here either, so they are tested
  without a page.
* ``ui/``: Streamlit glue (session state, widgets, rendering); ``app_pages/``:
  thin pages.
"""
