"""The Streamlit edge: the only part of the package that imports streamlit."""
