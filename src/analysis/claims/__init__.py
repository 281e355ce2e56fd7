"""The claims register: claim texts joined with computed results, and its exports."""

from analysis.claims.export import format_register, specifications_table, write_exports
from analysis.claims.register import build_register, claim_texts, evaluate, load_register
from analysis.evidence import VERDICTS

__all__ = [
    "VERDICTS",
    "build_register",
    "claim_texts",
    "evaluate",
    "format_register",
    "load_register",
    "specifications_table",
    "write_exports",
]
