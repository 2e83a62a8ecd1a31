"""Set-up shared by every test module."""

from __future__ import annotations

from ogi.render.kernel import skip_slow_imports

# as `ogi render` does in its own process: jsonschema's optional rfc3987 format checker costs seconds
# to import (Altair and nbformat pull jsonschema in) and nothing here uses it
skip_slow_imports()
