"""The annual summary report kind (báo cáo tổng kết công tác thi đua, khen thưởng)."""

from __future__ import annotations

from .context import TYPE_CODE, build_context, subject, unit_order
from .template import build_template
from .variables import VARIABLES

__all__ = ["TYPE_CODE", "VARIABLES", "build_context", "build_template", "subject", "unit_order"]
