"""linkedin-ai-exposure: what of your LinkedIn data export may train LinkedIn's generative AI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("linkedin-ai-exposure")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
