"""Settings for every test run, also of the notebooks alone (``pytest notebooks/``) and of the
kernels nbval starts for them."""
import os
import tempfile

# An empty result cache of the run's own, so no test can pass on results an older code version cached.
os.environ["ANALYSIS_CACHE_DIR"] = tempfile.mkdtemp(prefix="analysis-cache-")
# The default path, as the committed notebook outputs; the Frog tests (tests/test_frog.py) switch Frog on.
os.environ["ANALYSIS_FROG"] = "0"
