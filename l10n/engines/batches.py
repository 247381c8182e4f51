"""How the ``argos`` engine cuts length-sorted sentences into batches for CTranslate2."""

from __future__ import annotations

from collections.abc import Sequence


def cut_batches(
    lengths: Sequence[int], replicas: int, max_sentences: int, max_tokens: int
) -> list[range]:
    """Consecutive batches of length-sorted sentences (``lengths`` in tokens).

    Each batch holds at most ``max_sentences`` sentences and ``max_tokens`` padded tokens
    (its size times its longest sentence), or one sentence longer than that. Both caps
    bound the decoder's working set: tokens bound the attention caches, sentences bound the
    beam search over the vocabulary, which costs about 0.5 MB per hypothesis with a 32k
    vocabulary whatever the sentence's length. While there are fewer batches than replicas,
    the largest is cut in two, so that one short article still uses every core.
    """
    batches: list[range] = []
    start, longest = 0, 0
    for i, length in enumerate(lengths):
        longest = max(longest, length)
        size = i - start + 1
        if size > 1 and (size > max_sentences or size * longest > max_tokens):
            batches.append(range(start, i))
            start, longest = i, length
    if start < len(lengths):
        batches.append(range(start, len(lengths)))
    while len(batches) < min(replicas, len(lengths)):
        splittable = [b for b in batches if len(b) > 1]
        big = max(splittable, key=lambda b: len(b) * max(lengths[i] for i in b))
        middle = big.start + len(big) // 2
        at = batches.index(big)
        batches[at : at + 1] = [range(big.start, middle), range(middle, big.stop)]
    return batches
