"""Text handling: segmentation into sentences, masking of terms and markup, similarity.

- :mod:`l10n.text.segment`: blocks -> sentences (pysbd + documented rules), lossless;
- :mod:`l10n.text.protect`: mask terms/markup as tokens, restore, verify;
- :mod:`l10n.text.compare`: the similarity measure of merges and memory lookups.
"""
