from __future__ import annotations

from tests.support.fake_slack import fake_slack

__all__ = ["fake_slack"]
