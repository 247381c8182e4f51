"""``l10n review``: a local web application where translators review machine output.

- :mod:`l10n.review.server`: bind, then serve with uvicorn (:func:`prepare`);
- :mod:`l10n.review.app`: the Starlette routes, Jinja2 templates in ``templates/`` and the
  page's script and style in ``static/``;
- :mod:`l10n.review.security`: Host/Origin checks, the session token, response headers.

What a page shows and how a save is made is :mod:`l10n.review.session`'s business; saves
go through :mod:`l10n.workflow.edit` like every other edit of a catalog. Starlette,
uvicorn and Jinja2 are imported only when a server is built (``pip install 'l10n[review]'``).
"""
