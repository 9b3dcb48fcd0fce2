from lagebild.corpus.records import is_news_agency


def test_news_agencies_are_not_event_participants() -> None:
    assert is_news_agency("AFP")
    assert is_news_agency("Interfax")
    assert is_news_agency("Reuters")
    assert not is_news_agency("Kreml")
    assert not is_news_agency("Wladimir Putin")
