"""The OASIS XLIFF 2.1 and 1.2 schemas for the schema tests (see :mod:`tests.schemas`)::

    python tests/xliff_schemas.py                       # from raw.githubusercontent.com
    python tests/xliff_schemas.py --mirror oasis-tcs/xliff-xliff-22=/path/to/clone \\
                                  --mirror atalargo/xliff-ruby=/path/to/clone

Cached in ``.cache/xliff-schemas/`` (``$L10N_XLIFF_SCHEMAS`` to put it elsewhere).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script
from tests.schemas import SchemaSet

XLIFF = SchemaSet("the OASIS XLIFF schemas", "xliff", "xliff-schemas", "L10N_XLIFF_SCHEMAS",
                  "tests/xliff_schemas.py")
manifest, schema_folder = XLIFF.manifest, XLIFF.schema_folder

if __name__ == "__main__":
    XLIFF.main(sys.argv[1:], __doc__)
