"""Streamlit glue shared by the pages: session state, cookies, resources."""
