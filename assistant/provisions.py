"""What kind of provision a clause is, where that decides what it answers: a penalty provision restates a duty
stated elsewhere, so it answers a question about sanctions or consequences, not one about the duty."""

from __future__ import annotations

import re

from ingest.clean import SENTENCE
from ingest.records import Clause

from .checklist import SANCTIONED_LIST_LEAD, _modals, _sanction
from .support import LIST_MARKER, evidence

ASKS_SANCTION = re.compile(r"罚|赔|处分|责任|判刑|判处|坐牢|拘留|定罪|刑事")
# a question about what follows a breach: a penalty provision answers it
ASKS_CONSEQUENCE = re.compile(ASKS_SANCTION.pattern + r"|后果|追究|处理|处置|怎么办|会怎|违反|违规|吊销")


def penalty_item(clause: Clause, parent: Clause | None) -> bool:
    """An item of a list of sanctioned breaches: its lead-in says what the sanction is."""
    return parent is not None and parent.text.rstrip().endswith(("：", ":")) and bool(SANCTIONED_LIST_LEAD.search(parent.text))


def penal(clause: Clause, parent: Clause | None) -> bool:
    """A penalty provision: an item of a list of sanctioned breaches ("…有下列行为之一的，由…责令限期改正，可以处…罚款：
    （一）未在首页显著位置公示营业执照信息…的"), or an article that only sanctions ("…的，依照…的规定处罚")."""
    if penalty_item(clause, parent):
        return True
    sents = _sentences(clause.text)
    return any(_sanction(x) for x in sents) and all(_sanction(x) or not any(_modals(x)) for x in sents)


def binding_item(clause: Clause, parent: Clause | None) -> bool:
    """A list item with no modal of its own under a lead-in whose sentence has one ("广告不得有下列情形：" over "（三）使用
    “国家级”、“最高级”、“最佳”等用语"): quoted without its lead-in it reads as the opposite of the rule."""
    if parent is None or not parent.text.rstrip().endswith(("：", ":")) or not LIST_MARKER.match(clause.text):
        return False
    lead = _sentences(parent.text)
    return bool(lead) and any(_modals(lead[-1])) and not any(_modals(evidence(clause.text)))


def _sentences(text: str) -> list[str]:
    """The sentences of a clause's text, without words addressed to an assistant."""
    return [x.strip() for x in SENTENCE.findall(evidence(text)) if x.strip()]
