"""Tuning options of a scan, with the defaults and why they were chosen.

See ``docs/concepts.md`` for the reasoning behind each default.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_OPTIONS", "ScanOptions"]


@dataclass(frozen=True)
class ScanOptions:
    """Options of [`syndetect.scan`][syndetect.scan].

    Attributes:
        shingle_size: Words per shingle (word n-grams taken inside sentences).
        num_perm: MinHash permutations per document signature (used for the
            reported Jaccard estimate and by datasketch-compatible indexes).
        seed: Seed of the MinHash permutations (same as ``datasketch.MinHash(seed=...)``).
        sentence_perm: MinHash permutations per sentence in the candidate index.
        threshold: Jaccard similarity of two sentences' shingle sets that the
            sentence LSH index is tuned for; documents sharing no sentence
            pair well above it are rarely even compared.
        document_threshold: Jaccard similarity of whole documents that a
            second, document-level LSH index is tuned for; it catches rewritten
            copies whose sentences were merged or split.
        near_threshold: Minimum similarity (0..1) of the two sides of a shared
            passage; heavily edited stretches fall below it. (Paraphrase that
            keeps a clause of a sentence is rejected by the sentence-coverage
            rule of ``syndetect.align``.)
        min_passage_words: Shortest passage reported, in words.
        min_pair_words: Two documents are reported as a pair only when their
            passages share at least this many words in all (words that one
            side edited are not shared): one shared stock sentence ("the
            death toll was expected to rise in the coming days") does not
            make a copy, a quoted paragraph does.
        min_sentence_words: Sentences with fewer words never create matches
            (datelines, "Text size:", "You are here").
        site_boilerplate_docs: A sentence found in this many documents of one
            site (outlet, else URL host) is site furniture and never creates
            matches.
        common_sentence_docs: A sentence found in at least this many
            documents *and* in at least ``common_sentence_fraction`` of them is
            boilerplate and never creates matches. High, so that a wire story
            reprinted by dozens of outlets still counts.
        common_sentence_fraction: See ``common_sentence_docs``.
        common_shingle_docs: A shingle found in at least this many documents
            *and* in at least ``common_shingle_fraction`` of them is a stock
            phrase ("did not immediately respond to a request for comment"):
            it never makes a candidate pair nor two sentences worth aligning.
        common_shingle_fraction: See ``common_shingle_docs``.
        min_shared_shingles: Two sentences are aligned only when they share at
            least this many shingles (all of them, for shorter sentences).
        short_sentence_docs: A sentence too short to make a pair on its own
            (fewer than ``min_pair_words`` words) makes no candidate pair
            through a sentence LSH bucket that more than this many documents
            share: headline templates and credit lines ("Reuters contributed
            to this report") would otherwise pair every two of thousands of
            articles. It still aligns when the pair is a candidate through
            another sentence.
    """

    shingle_size: int = 4
    num_perm: int = 256
    seed: int = 1
    sentence_perm: int = 64
    threshold: float = 0.3
    document_threshold: float = 0.2
    near_threshold: float = 0.8
    min_passage_words: int = 8
    min_pair_words: int = 25
    min_sentence_words: int = 5
    site_boilerplate_docs: int = 3
    common_sentence_docs: int = 100
    common_sentence_fraction: float = 0.05
    common_shingle_docs: int = 50
    common_shingle_fraction: float = 0.01
    min_shared_shingles: int = 3
    short_sentence_docs: int = 20

    def __post_init__(self) -> None:
        if self.shingle_size < 1:
            raise ValueError("shingle_size must be at least 1")
        if self.num_perm < 2 or self.sentence_perm < 2:
            raise ValueError("num_perm and sentence_perm must be at least 2")
        if not (0.0 < self.threshold <= 1.0 and 0.0 < self.document_threshold <= 1.0):
            raise ValueError("threshold and document_threshold must be in (0, 1]")
        if not 0.0 < self.near_threshold <= 1.0:
            raise ValueError("near_threshold must be in (0, 1]")
        if min(self.min_passage_words, self.min_sentence_words, self.min_pair_words) < 1:
            raise ValueError("min_passage_words, min_pair_words, min_sentence_words must be >= 1")
        if min(self.site_boilerplate_docs, self.common_sentence_docs, self.common_shingle_docs) < 2:
            raise ValueError("site_boilerplate_docs, common_*_docs must be at least 2")
        if not (
            0.0 <= self.common_sentence_fraction <= 1.0
            and 0.0 <= self.common_shingle_fraction <= 1.0
        ):
            raise ValueError(
                "common_sentence_fraction and common_shingle_fraction must be in [0, 1]"
            )
        if self.min_shared_shingles < 1:
            raise ValueError("min_shared_shingles must be at least 1")
        if self.short_sentence_docs < 2:
            raise ValueError("short_sentence_docs must be at least 2")


DEFAULT_OPTIONS = ScanOptions()
