"""linkedin-ai-exposure: what of your LinkedIn data export may train LinkedIn's generative AI."""

# The one place the version is written; pyproject.toml reads it from here (importlib.metadata would
# cost every run about 30 ms of imports).
__version__ = "0.1.0"
