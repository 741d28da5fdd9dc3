"""TrackIt bot: AWS billing analysis in Slack."""

__version__ = "0.1.0"
