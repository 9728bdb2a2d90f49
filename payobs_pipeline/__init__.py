"""payobs: payment observability on Dagster."""

import warnings

# The partitioned asset checks and backfill policies payobs relies on are marked
# beta/preview in Dagster 1.13; the pinned version is tested, so the notice is noise.
warnings.filterwarnings("ignore", message=r".*(is currently in beta|is currently in preview).*")
