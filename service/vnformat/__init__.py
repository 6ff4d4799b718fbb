"""Vietnamese formatting for ND30 documents: dates, numbers, money, symbols, signers, names."""

from .dates import date_words, header_date, short_date
from .money import format_money, money_in_words, money_line
from .names import name_sort_key, sort_names, split_name
from .numbers import format_number, format_percent, parse_number
from .recipients import RECIPIENTS_HEADING, recipient_lines
from .signer import signer_lines
from .symbols import TYPE_CODES, document_number, document_symbol, number_and_symbol, number_line
from .text import nfc, slugify, strip_xml_illegal, upper_vn

__all__ = [
    "RECIPIENTS_HEADING",
    "TYPE_CODES",
    "date_words",
    "document_number",
    "document_symbol",
    "format_money",
    "format_number",
    "format_percent",
    "header_date",
    "money_in_words",
    "money_line",
    "name_sort_key",
    "nfc",
    "number_and_symbol",
    "number_line",
    "parse_number",
    "recipient_lines",
    "short_date",
    "signer_lines",
    "slugify",
    "sort_names",
    "split_name",
    "strip_xml_illegal",
    "upper_vn",
]
