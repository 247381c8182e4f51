"""Rule 4 of :mod:`l10n.text.segment`: a cut after an abbreviation, not a sentence's end.

:func:`abbreviation_ends` is told the end of a sentence so far (``before``) and the text
after a cut pysbd proposed (``after``); it says whether ``before`` ends with an
abbreviation (or an ellipsis, rule 5) that ``after`` continues, or a period inside a name
(``.Net``, ``git.(*Command).Run``). The rules are listed in the segmenter's docstring
(rules 4 and 5); quotations are :mod:`l10n.text.quotes`'s.
"""

from __future__ import annotations

import re

_ALWAYS = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Gov|Rep|Gen|Lt|Col|Capt|Sgt|Cmdr|Adm|Rev|Hon|"
    r"Maj|Brig|Cpl|Pvt|Const|Det|Insp|Supt|Amb|Atty|Rt|"  # ranks, offices ("Rt. Hon.")
    r"Pres|[Aa]pprox|vs|cf|[Ee]\.g|[Ii]\.e|St|Ste|Mt|Ft|ST|MT|FT)\.$"  # "<b>St. Joseph", "ST. PAUL"
)
_MAYBE = re.compile(
    r"(?<![\w.])(?:(?:[A-Za-z]\.){2,}|(?:Co|Corp|Inc|Ltd|Jr|Sr|St|Ave|Blvd|No|Nos|Fig|Vol|"
    r"[Tt]el|[Ff]ax|pp?|etc|[Mm]in|[Mm]ax|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
)
_SHORT_WORD = re.compile(r"(?<![\w.])(?:[^\W\d_]{1,4}\.){1,3}$")  # "bzw. für", "ч.л. меда"
_LOWER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*(?=[\s,;:.)<]|$)")  # a plain word
_NUMBER_END = re.compile(r"\d\.$")  # "802." of "802. 11AC"
_LONE_LETTER = re.compile(r"(?:^|(?<=[\s(>]))[a-z]\.$")  # a word of one letter: "d."
_TAGGED_INITIAL = re.compile(r"<[A-Za-z][^<>]*>[A-Z]\.$")  # pysbd ends "<span>J." (no space)
_CLOCK = re.compile(r"(?<![\w.])[AaPp]\.[Mm]\.$")
_AFTER_CLOCK = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|[A-Z]{1,2}[SD]T|UTC|GMT)\b"
    r"|[ECMP]T\b|[A-Z][\w-]*\s+time\b"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*\d"  # "p.m. Aug. 9 to"
)
# a day's name cut short, then its date: "Mon. Dec. 31 2007", "Sat., Jan. 5", "Thu. 12/4"
_DAY = re.compile(r"(?<![\w.])(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.$")
_DATE_NEXT = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s|$)|\d{1,2}\b"
)
_COMPANY = re.compile(r"(?<![\w.])(?:Co|Corp|Inc)\.$")
_SHORT_CAPS = re.compile(r"(?<![\w.])[A-Z]{2,3}\.$")  # "ID." of "ID. SPACE VIZZION"
_CAPS_NAME = re.compile(r"[A-Z]{2,}[ \t]+[A-Z0-9]{2,}\b")  # two words in capitals
_AFTER_COMPANY = re.compile(r"(?:Co|Corp|Inc|Ltd|LLC|Ltd\.|PLC)\b")
# a company's or a street's abbreviation in any case ("MICROSOFT CANADA CO. - Avis"), a
# short capitalised word and a period ("Sci. & Tech.")
_NAME_PART = re.compile(
    r"(?<![\w.])(?:(?i:Co|Corp|Inc|Ltd|LLC|PLC|Bros|Ave|St|Blvd|Rd|Ln|Pkwy|Hwy|Ct|Pl|Sq|Apt)"
    r"|[A-Z][a-z]{0,3})\.$"
)
# what does not start a sentence after an abbreviation: "&", "/", a dash and a space
_JOINER = re.compile(r"(?:[&/]|[-\u2010-\u2015]{1,2}[\s<])")
# after a street: a compass point, "Whipple Ave. N.W., Canton", "Pennsylvania Ave. NW"
_STREET = re.compile(r"(?<![\w.])(?:Ave|St|Blvd|Rd|Ln|Pkwy|Hwy|Ct|Pl|Sq|Dr|Ter|Cir)\.$")
# a dateline, all the sentence holds so far: "COOKEVILLE, Tenn." ("- A father"), "Reno, Nev."
_DATELINE = re.compile(
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},\s+(?:[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2,})"
)
_TAG = re.compile(r"<[^<>]*>")
_LABEL_ELLIPSIS = re.compile(r":\s*(?:\.\.\.|\u2026)$")  # a label's colon, then an ellipsis
_END_TAGS = re.compile(r"^(?:</[A-Za-z][^<>]*>)+")
_TRAILING_END_TAGS = re.compile(r"(?<=[.!?…])(?:</[A-Za-z][^<>]*>)+$")
# a period that starts a word ends no sentence: ".Net", ".com", ".mp3" (no space after it)
_LEADING_DOT = re.compile(r"(?:^|[\s(\[{\"“‘'«/]|<[A-Za-z][^<>]*>)\.$")  # not "</a>.Next"
# a period glued to a bracket inside a qualified name in code (Go's method expressions,
# calls): "git.(*Command).Run", "foo.bar().Baz"; a dotted or slashed name before it, no
# space, no tag (not "said.(AP Photo)")
_CODE_NAME = re.compile(
    r"\w[./:]+\w[\w./:-]*(?:\([^\s()<>]{0,40}\)\.\w|\.\()"
)
_COMPASS = re.compile(r"(?:(?:[NS]\.)?(?:[EW]\.)|[NS]\.|[NS]?[EW]\b|[NS]\b)(?![\w'’-])")


def _lower_word(after: str) -> bool:
    """Whether ``after`` starts with a word of lowercase letters alone (not a name such
    as ``iPhone``, ``my6sense``, ``lib/csv``)."""
    word = _LOWER_WORD.match(after)
    return word is not None and word.group().islower()


def ends_abbreviation(text: str) -> bool:
    """Whether ``text`` ends with an abbreviation that precedes more words, or may
    (``Mr.``, ``etc.``, ``Inc.``, ``Jan.``): a word and a period that may end no sentence."""
    return bool(_ALWAYS.search(text) or _MAYBE.search(text))


def abbreviation_ends(before: str, after: str, glued: bool = False) -> bool:
    """True if ``before`` ends with an abbreviation (or an ellipsis, rule 5) that
    ``after`` continues; ``glued``: no space between them."""
    if glued and _LEADING_DOT.search(before) and re.match(r"[A-Za-z0-9]", after):
        return True  # "Microsoft's Office, .Net, and": a name or an extension
    if glued and _CODE_NAME.search(f"{before.split()[-1] if before.split() else ''}"
                                   f"{after.split()[0] if after.split() else ''}"):
        return True  # "code.gitea.io/git.(*Command).RunInDirTimeoutPipeline": one name
    after = _END_TAGS.sub("", after, count=1)  # they close what comes before: "Inc.</a>, a"
    before = _TRAILING_END_TAGS.sub("", before)  # "Inc.</a> said": read as "Inc. said"
    if before.endswith(".") and after.startswith("."):
        return True  # inside a run of dots
    if after[:1] in (",", ";", ":"):
        return True  # a sentence does not start with a comma: "Rep. X, R-W.Va., said"
    if _LONE_LETTER.search(before) and after[:1].isupper():
        return True  # "Palm Bay d. Rockledge 70-44": a lone lowercase letter abbreviates
    if _TAGGED_INITIAL.search(before) and re.match(r"[A-Z][a-z]", after):
        return True  # "<span>J. Scott Applewhite</span>": an initial, as after a space
    if before.endswith(("...", "\u2026")) and (
            after[:1].islower() or _LABEL_ELLIPSIS.search(_TAG.sub("", before))):
        return True  # "is... not great", "<b>Tomorrow:</b> ... Bank earnings"
    if _ALWAYS.search(before):
        return True
    if (_MAYBE.search(before) or _NAME_PART.search(before)) and _JOINER.match(after):
        return True  # "Smith & Co. & Sons", "Acme Corp. / Acme Ltd.", "CO. - Avis"
    if _STREET.search(before) and _COMPASS.match(after):
        return True  # "515 Whipple Ave. N.W., Canton"
    if _DATELINE.fullmatch(" ".join(_TAG.sub("", before).split())):
        return True  # "BEVERLY HILLS, Calif. -- It's a combination"
    continues = after[:1].islower() or after[:1].isdigit()
    if _MAYBE.search(before) and continues or _SHORT_WORD.search(before) and _lower_word(after):
        return True  # a short word and a period before a lowercase word: "bzw. für"
    if _NUMBER_END.search(before) and after[:1].isdigit():
        return True  # no sentence ends between two numbers: "802. 11AC Wi-Fi"
    if _CLOCK.search(before) and _AFTER_CLOCK.match(after):
        return True
    if _DAY.search(before) and _DATE_NEXT.match(after):
        return True  # a dateline's day and date: "Mon. Dec. 31 2007 2:49 PM ET"
    if _SHORT_CAPS.search(before) and _CAPS_NAME.match(after):
        return True  # a name in capitals: "the ID. SPACE VIZZION"
    return bool(_COMPANY.search(before) and _AFTER_COMPANY.match(after))
