"""Rule 4 of :mod:`l10n.text.segment`, for quotations: a cut after a closing quote that is
no sentence's end.

:func:`quote_continues` is told the sentence so far (``sentence``: from the last cut kept
to the cut pysbd proposed) and the text after the cut (``after``). It says whether the
sentence goes on after the quotation:

- **who said it** (:func:`attributed`): after a quotation that ends on ``.``, ``!``,
  ``?``, ``…``, ``,`` or ``;``, a speaker (a name of one to three capitalised words, a
  pronoun: ``Bush``, ``Mr. Gore``, ``I``, ``He``), at most one adverb (``tearfully``,
  ``now``, ``then``...), a verb of speech (``said``, ``asked``, ``demanded``, ``cried``...),
  then at most an adverb and where, when or to whom, and the sentence's end:
  ``"Why did she quit me?" I now demanded.``, ``"Now!" Jindal shouted to her husband.``.
  The speech verb decides: ``"Really?" He left.`` is two sentences, and so is ``"Can I
  go?" Brooke said that she would stay`` (a clause of what was said). A lowercase word
  after the quotation (``"Why?" he asked.``) is never cut by pysbd;
- **a headline** (:func:`quoted_headline`): a quoted exclamation or question after
  nothing, or after words in title case, before words in title case: ``'We Got Her!'
  Video Shows Dramatic Rescue``, ``Develop a Personal "Should I Buy This?" Test``; not
  ``"Stop!" He ran`` (sentence case);
- **a lowercase word** (:func:`lowercase_after`): after a quotation's end (``.``, ``!``,
  ``?``, ``…`` and a closing mark) a lowercase word starts no sentence: ``"Open the door!
  We're coming in!” an officer shouts.`` (a straight opening quote that a curly one closes:
  pysbd pairs neither and cuts before the closing mark, which rule 2 moves the cut past);
  not on another line, and not before a word with a capital in it (``iPhone``);
- **a quoted word** (:func:`quoted_word`): a quotation that ends on a letter or a digit
  holds no sentence's end, and the sentence goes on after it (``'Neutral' Snopes
  Fact-Checker David Emery: 'Are There …?'``, which pysbd cuts after ``'Neutral'``),
  unless a line break lies between (a title on a line of its own).
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<[^<>]*>")
_END_TAGS = re.compile(r"^(?:</[A-Za-z][^<>]*>)+")
# a quotation's end, then who said it and nothing else: '"... them?" Bush said.'
_QUOTE_END = re.compile(r"[.!?…,;]['’]*\s*[\"”’»'](?:</[A-Za-z][^<>]*>)*$")
_ADVERB = r"(?:[a-z]+ly|now|then|again|finally|also|still|once\s+more)"
_ATTRIBUTION = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+"
    rf"(?:{_ADVERB}\s+)?(?:said|says|"  # an adverb before the verb: "Brooke tearfully asked"
    r"told|asked|asks|added|adds|replied|wrote|explained|insisted|declared|recalled|noted|"
    r"admitted|warned|concluded|shouted|yelled|exclaimed|whispered|tweeted|posted|responded|"
    r"answered|joked|quipped|demanded|cried|repeated|continued|pleaded|begged|snapped|"
    r"muttered|murmured|screamed|sighed|protested|inquired|enquired|interrupted|suggested|"
    r"announced|remarked|retorted|countered|stammered|gasped|urged|cautioned|boasted)"
    r"(?:\s+(?:[a-z]+ly|again|later|then|today|yesterday|once\s+more))?"
    # where, when, to whom, and no clause of what was said: "shouted to her husband."
    r"(?:\s+(?:to|near|before|after|at|in|on|during|from|as|while|with|outside|over|via)\s"
    r"(?:(?!that\b)[^.!?\"“”:;<])*)?\s*(?:[.,;<]|$)"
)
# a link or emphasis, read through in an attribution: 'Trump <a href="...">tweeted</a>.'
_INLINE_TAGS = re.compile(r"</?(?:a|b|i|em|strong|span|u)\b[^<>]*>")
# a quoted exclamation or question at the end of the sentence so far, and before it
_EXCLAIMED = re.compile(r"[!?][\"”’'»](?:</[A-Za-z][^<>]*>)*$")
_QUOTATION = re.compile(r"[\"“‘'«][^\"“”‘’'«»]{1,80}[!?][\"”’'»]$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# a quotation that ends on a letter or a digit: "'Neutral'", "“Kiwiana”" (tags may follow)
_QUOTED_WORD = re.compile(
    r"(?:^|(?<=[\s(\[>]))(?:[\"“][^\"“”]{1,80}[\w][\"”]|['‘][^'‘’\"“”]{1,80}[\w]['’])"
    r"(?:</[A-Za-z][^<>]*>)*$"
)
_LINE_BREAK = re.compile(r"\n|<br\b", re.IGNORECASE)
# a quotation's end at the end of the sentence so far; a lowercase word (inline tags before)
_ENDED = re.compile(r"[.!?…]['’]*[\"”’»](?:</[A-Za-z][^<>]*>)*$")
_LOWERCASE = re.compile(r"(?:\s|</?(?:a|b|i|em|strong|span|u)\b[^<>]*>)*[a-z]+(?![\w'’-])")


def _words(text: str) -> list[str]:
    """The words of ``text`` longer than three letters (a title's small words aside)."""
    return [w for w in _WORD.findall(_TAG.sub(" ", re.sub(r"<[^>]*$", "", text))) if len(w) > 3]


def attributed(sentence: str, after: str) -> bool:
    """Whether ``sentence`` ends with a quotation and ``after`` says who said it, and
    nothing else (see the module's docstring)."""
    if not _QUOTE_END.search(sentence.rstrip()):
        return False
    return bool(_ATTRIBUTION.match(_INLINE_TAGS.sub("", _END_TAGS.sub("", after, count=1))))


def quoted_headline(sentence: str, after: str) -> bool:
    """Whether ``sentence`` ends with a quoted exclamation or question, after nothing or
    after words in title case, that ``after`` goes on as a headline in title case: every
    word of four letters or more capitalised, two at least in all and one at least after
    the quotation; after words, the quotation's too, and no period ends ``after``
    (``First, "Is streaming the future?" Possibly.`` is two sentences)."""
    sentence = sentence.rstrip()
    if not _EXCLAIMED.search(sentence):
        return False
    plain = " ".join(_TAG.sub("", sentence).split())
    quotation = _QUOTATION.search(plain)
    if quotation is None:
        return False
    before, following = _words(plain[:quotation.start()]), _words(after)
    if before:  # the quotation inside a headline: in title case too, and no period after
        before += _words(quotation.group())
        if _TAG.sub("", after).rstrip().endswith("."):
            return False
    return (len(before) + len(following) >= 2 and bool(following)
            and all(w[0].isupper() for w in before + following))


def quoted_word(sentence: str, after: str) -> bool:
    """Whether ``sentence`` ends with a quotation that holds no sentence's end (its last
    character is a letter or a digit) and ``after`` goes on on the same line."""
    if _LINE_BREAK.search(sentence[len(sentence.rstrip()):]) or _LINE_BREAK.match(after):
        return False
    return bool(_QUOTED_WORD.search(sentence.rstrip()))


def lowercase_after(sentence: str, after: str) -> bool:
    """Whether ``sentence`` ends with a quotation's end and ``after`` goes on, on the same
    line, with a word of lowercase letters (see the module's docstring)."""
    if _LINE_BREAK.search(sentence[len(sentence.rstrip()):]) or _LINE_BREAK.match(after):
        return False
    return bool(_ENDED.search(sentence.rstrip()) and _LOWERCASE.match(after))


def quote_continues(sentence: str, after: str) -> bool:
    """Whether a cut between ``sentence`` (the sentence so far) and ``after`` follows a
    quotation that the sentence goes on after: who said it, a headline, a lowercase word,
    a quoted word."""
    return (attributed(sentence, after) or quoted_headline(sentence, after)
            or lowercase_after(sentence, after) or quoted_word(sentence, after))
