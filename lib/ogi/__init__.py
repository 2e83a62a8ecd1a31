"""ogi: read government information-disclosure annual reports into facts, checks and briefs."""

__version__ = "0.1.0"
