"""The snapshot stage masks each distinct merchant text once a process: the memo gives mask_merchant's answer."""

import pytest

from payobs_pipeline.stages import snapshot

MERCHANTS = [
    None,
    '{"id": "m_1", "name": "Shop", "country": "FR"}',
    '{"id": "4111111111111111", "name": "card 4242424242424242 in a name", "email": "a@example.com"}',
    '["4242424242424242", "x"]',
    '"m_plain_id"',
    "12",
    "null",
    '{"name": "' + "n" * 5000 + ' 4242424242424242"}',  # longer than the memo keeps
]


def test_memo_answers_as_mask_merchant_and_repeats_it():
    snapshot._merchant_memo.clear()
    for _ in range(3):
        for merchant in MERCHANTS:
            assert snapshot._memo_mask_merchant(merchant) == snapshot.mask_merchant(merchant)
    assert '{"id": "m_1", "name": "Shop", "country": "FR"}' in snapshot._merchant_memo
    assert not any(len(text) > snapshot._MEMO_TEXT_CHARS for text in snapshot._merchant_memo)
    masked = snapshot._memo_mask_merchant(MERCHANTS[2])
    assert "4242424242424242" not in masked and "a@example.com" not in masked and "4111111111111111" in masked


def test_memo_is_bounded_and_does_not_keep_failures(monkeypatch):
    snapshot._merchant_memo.clear()
    monkeypatch.setattr(snapshot, "_MEMO_ENTRIES", 5)
    for i in range(12):
        snapshot._memo_mask_merchant(f'{{"id": "m_{i}"}}')
        assert len(snapshot._merchant_memo) <= 5

    def boom(merchant):
        raise RuntimeError("cannot mask")

    monkeypatch.setattr(snapshot, "mask_merchant", boom)
    for _ in range(2):
        with pytest.raises(RuntimeError):
            snapshot._memo_mask_merchant('{"id": "m_new"}')
    assert '{"id": "m_new"}' not in snapshot._merchant_memo
    snapshot._merchant_memo.clear()
