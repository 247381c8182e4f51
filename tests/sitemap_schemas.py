"""The sitemap schemas for the sitemap schema test (see :mod:`tests.schemas`): sitemaps.org
0.9, Google News, and W3C XHTML 1.0 for the ``xhtml:link`` alternates::

    python tests/sitemap_schemas.py                     # from raw.githubusercontent.com
    python tests/sitemap_schemas.py --mirror ekalinin/sitemap.js=/path/to/clone ...

Cached in ``.cache/sitemap-schemas/`` (``$L10N_SITEMAP_SCHEMAS`` to put it elsewhere).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from tests.schemas import SchemaSet

SITEMAPS = SchemaSet("the sitemap schemas", "sitemaps", "sitemap-schemas",
                     "L10N_SITEMAP_SCHEMAS",
                     "tests/sitemap_schemas.py")
manifest, schema_folder = SITEMAPS.manifest, SITEMAPS.schema_folder

if __name__ == "__main__":
    SITEMAPS.main(sys.argv[1:], __doc__)
