"""The document kinds: one registry, one module (or package) per kind."""

from __future__ import annotations

# layout's registry of builders imports every kind: load it first, so that it does not find
# the kind being imported half-done
from .. import layout  # noqa: F401
from . import directive, registration, registration_summary, summary
from . import achievement_report, decision, minutes, nominee_list, submission
from .base import DocumentKind, Variable

KINDS: dict[str, DocumentKind] = {
    "directive": DocumentKind(
        name="directive",
        title_vi="Chỉ thị phát động phong trào thi đua",
        template="directive.docx",
        type_code=directive.TYPE_CODE,
        variables=directive.VARIABLES,
        build_context=directive.build_context,
    ),
    "registration": DocumentKind(
        name="registration",
        title_vi="Công văn đăng ký thi đua",
        template=registration.TEMPLATE,
        type_code=registration.TYPE_CODE,
        variables=registration.VARIABLES,
        build_context=registration.build_context,
    ),
    "registration_summary": DocumentKind(
        name="registration_summary",
        title_vi="Báo cáo tổng hợp đăng ký thi đua",
        template=registration_summary.TEMPLATE,
        type_code=registration_summary.TYPE_CODE,
        variables=registration_summary.VARIABLES,
        build_context=registration_summary.build_context,
    ),
    "summary": DocumentKind(
        name="summary",
        title_vi="Báo cáo tổng kết công tác thi đua, khen thưởng",
        template="summary.docx",
        type_code=summary.TYPE_CODE,
        variables=summary.VARIABLES,
        build_context=summary.build_context,
    ),
    "submission": DocumentKind(
        name="submission",
        title_vi="Tờ trình đề nghị khen thưởng",
        template=submission.TEMPLATE,
        type_code=submission.TYPE_CODE,
        variables=submission.VARIABLES,
        build_context=submission.build_context,
    ),
    "minutes": DocumentKind(
        name="minutes",
        title_vi="Biên bản họp Hội đồng Thi đua - Khen thưởng",
        template=minutes.TEMPLATE,
        type_code=minutes.TYPE_CODE,
        variables=minutes.VARIABLES,
        build_context=minutes.build_context,
    ),
    "achievement_report": DocumentKind(
        name="achievement_report",
        title_vi="Báo cáo thành tích đề nghị khen thưởng",
        template=achievement_report.TEMPLATE,
        type_code=achievement_report.TYPE_CODE,
        variables=achievement_report.VARIABLES,
        build_context=achievement_report.build_context,
    ),
    "nominee_list": DocumentKind(
        name="nominee_list",
        title_vi="Danh sách đề nghị khen thưởng",
        template=nominee_list.TEMPLATE,
        type_code=nominee_list.TYPE_CODE,
        variables=nominee_list.VARIABLES,
        build_context=nominee_list.build_context,
    ),
    "decision": DocumentKind(
        name="decision",
        title_vi="Quyết định khen thưởng",
        template=decision.TEMPLATE,
        type_code=decision.TYPE_CODE,
        variables=decision.VARIABLES,
        build_context=decision.build_context,
    ),
}

__all__ = ["KINDS", "DocumentKind", "Variable"]
