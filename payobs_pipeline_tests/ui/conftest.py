"""The UI tests' option: where to write the README's screenshots (test_ui_backfill.py's docstring)."""


def pytest_addoption(parser):
    parser.addoption("--ui-screenshots", metavar="DIR", default=None,
                     help="test_ui_backfill: also save the asset graph and a metric asset's page as PNGs in DIR")
