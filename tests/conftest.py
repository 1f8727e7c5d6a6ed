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


def article_id_of(tables, file_name_start: str) -> str:
    """The id of the article read from the data/ file whose name starts so ("axios", "wikinews-2023")."""
    [article_id] = tables.articles[tables.articles.path.str.rsplit("/", n=1).str[-1].str.startswith(file_name_start)
                                   ].article_id
    return article_id


@pytest.fixture(scope="session")
def seed_id(data_tables) -> str:
    return article_id_of(data_tables, "axios")
