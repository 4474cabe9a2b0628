"""Hypothesis profiles: every example count of the suite comes from here.

- ``default``: the README's ``python -m pytest``, quick on a laptop (the
  whole suite in well under two minutes on two cores).
- ``ci``: ``.ci/run`` (``HYPOTHESIS_PROFILE=ci``), five times heavier,
  still a few minutes.
- ``fuzz``: long campaigns, run by hand:
  ``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_properties.py``.

No property sets ``max_examples`` itself: a test that must stay cheap draws
cheap values instead. Searches (``find``: a value a strategy can draw, a
failure to shrink) stop at the first value found; their budget is a
multiple of the profile's example count.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Machines under load (CI runners, two cores shared with other jobs) make
# per-example times meaningless: no deadline anywhere.
settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile("ci", max_examples=125, deadline=None, print_blob=True)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
