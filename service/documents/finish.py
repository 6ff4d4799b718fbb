"""Finishing a rendered part: tabs made Word's, rules fitted, paragraphs split at line breaks."""

from __future__ import annotations

import copy

from docx.oxml.ns import nsmap, qn
from lxml import etree

from .rules import fit_rules

_TABS = etree.XPath(".//w:t[contains(., $tab)]", namespaces=nsmap)
_NEWLINES = etree.XPath(".//w:t[contains(., $nl)]", namespaces=nsmap)
_PROPERTIES = (qn("w:pPr"), qn("w:rPr"))  # what a split paragraph's or run's second half copies
_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"


def finish(root: etree._Element, text_width: int | None = None) -> None:
    """The finishing steps every rendered part gets: a tab in a value becomes Word's own
    (as docxtpl's listing does), each Rule is fitted to the text above it (`text_width`: the
    page's text width in twips, when `root` holds no w:sectPr), then a line break in a value
    splits its paragraph (split_paragraphs). The rules are fitted first: a rule under a name
    set on two lines is measured on its longest line, as when the lines were one paragraph."""
    for text in _TABS(root, tab="\t"):
        _split_tabs(text)
    fit_rules(root, text_width)
    split_paragraphs(root)


def _split_tabs(text: etree._Element) -> None:
    """Turn `a\\tb` inside one w:t into w:t a, w:tab, w:t b in the same run."""
    pieces = (text.text or "").split("\t")
    text.text = pieces[0]
    anchor = text
    for piece in pieces[1:]:
        tab = etree.Element(qn("w:tab"))
        anchor.addnext(tab)
        anchor = _text_after(tab, piece)


def split_paragraphs(root: etree._Element) -> None:
    """Split each paragraph under `root` (table cells' and text boxes' too) at every line
    break inside its text, so that a multi-line value makes paragraphs, each with a copy of
    the paragraph's properties: justified text is not stretched before a soft break and each
    line gets its first-line indent. What precedes a break stays, what follows goes to the
    next paragraph; the run holding it is cut in two, each half with its properties. A page
    break before, or a section end, is kept once: on the first, or the last, paragraph."""
    for text in _NEWLINES(root, nl="\n"):
        if next(text.iterancestors(qn("w:p")), None) is None:
            continue  # not in a paragraph: not Word text
        while "\n" in (text.text or ""):
            before, after = text.text.split("\n", 1)
            text.text = before
            text = _text_after(text, after)
            _move_to_next_paragraph(text)


def _text_after(anchor: etree._Element, value: str) -> etree._Element:
    """Return a new w:t holding `value`, placed right after `anchor`."""
    text = etree.Element(qn("w:t"))
    text.set(_PRESERVE, "preserve")
    text.text = value
    anchor.addnext(text)
    return text


def _move_to_next_paragraph(first: etree._Element) -> None:
    """Move `first` and everything after it in its paragraph into a new paragraph right after
    that one; each container it leaves (run, hyperlink …) is copied with its properties."""
    node, parent = first, first.getparent()
    while parent is not None:
        twin = parent.makeelement(parent.tag, parent.attrib)
        twin.extend(copy.deepcopy(child) for child in parent if child.tag in _PROPERTIES)
        twin.extend([node, *node.itersiblings()])
        parent.addnext(twin)
        if parent.tag == qn("w:p"):
            _share_paragraph_properties(parent, twin)
            return
        node, parent = twin, parent.getparent()


def _share_paragraph_properties(first: etree._Element, second: etree._Element) -> None:
    """Leave a page break before on `first` only and a section end on `second` only."""
    p_pr = second.find(qn("w:pPr"))
    page_break = p_pr.find(qn("w:pageBreakBefore")) if p_pr is not None else None
    if page_break is not None and page_break.get(qn("w:val"), "1") not in ("0", "false", "off"):
        p_pr.remove(page_break)
    p_pr = first.find(qn("w:pPr"))
    section = p_pr.find(qn("w:sectPr")) if p_pr is not None else None
    if section is not None:
        p_pr.remove(section)
