from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = DATA / "axios-2023-05-17-us-israel-iran-planning.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed(seed_text):
    import analystkit

    return analystkit.parse(seed_text)


@pytest.fixture(scope="session")
def data_tables():
    import analystkit

    return analystkit.parse_many([DATA])
