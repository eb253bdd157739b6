"""Use cases: what a person does with the app, as functions over a database session.

The layers, top to bottom; each imports only the layers below it (skipping one
is fine, importing upwards never is)::

    app_pages/   one thin script per page: read widgets, call ui/, render
    ui/          Streamlit glue: session state, cookies, forms, shared widgets
    services/    use cases (this package), one module per area: accounts, chat,
                 moods; plain records out, no Streamlit
    db/          SQLAlchemy models and data functions, each taking the session
    core/        pure domain logic: validation, hashing, tokens, policies, i18n

So ``core`` imports neither ``db`` nor ``services`` nor ``streamlit``;
``db`` imports no ``services``, ``ui`` or ``streamlit``; ``services`` imports
no ``ui`` or ``streamlit``. ``tests/test_layering.py`` parses every module's
imports and fails on a violation.

Why a layer between ``ui`` and ``db``: a use case such as "change my password"
checks rules (``core.auth``), reads and writes several tables (``db.users``)
and must run in one transaction. Kept here, it is one function a page calls
with the session of its transaction, testable without Streamlit, and ``core``
stays free of the database (it used to import ``db`` while ``db`` imported
``core``). Features without a use case beyond one data call (the board's
listing, say) may still call ``db`` from ``ui`` directly.

Each function takes the caller's session (or a store) and runs inside its
transaction (``with Session.begin()``, opened by the caller), so one page
action is one unit of work.
"""
