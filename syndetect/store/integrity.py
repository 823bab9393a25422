"""The deep integrity check of an index, whatever its backend: every
document's stored sentences, band keys and signature recomputed from its
stored text and compared."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from syndetect.errors import IndexCorruptError
from syndetect.metadata import describe
from syndetect.store.access import _Access
from syndetect.store.core import _Core
from syndetect.store.encoding import _digest, _same_prepared
from syndetect.store.plan import _count, _new
from syndetect.store.schema import _chunks


class _Checking(_Core):
    """The backend-independent part of :meth:`IndexStore.integrity_check`."""

    def _deep_check(self, access: _Access) -> list[str]:
        problems: list[str] = []
        boilerplate = self._boilerplate_now(access)
        shingle_sets: list[npt.NDArray[np.uint32]] = []
        for chunk in _chunks(access.docs(), 100):
            try:
                loaded = self._load(access, chunk)
            except IndexCorruptError as exc:
                problems.append(exc.message)
                continue
            stored_keys = access.sites_and_keys(chunk)
            for doc in chunk:
                stored = loaded[doc].prepared
                document = stored.document
                new = _new(document, self.options)
                eff = self._effective(new, boilerplate)
                shingle_sets.append(eff.prepared.shingles)
                sbands, dbands = access.bands_of(doc)
                checks = (
                    ("content digest", loaded[doc].digest == _digest(document)),
                    ("stored words", _same_prepared(stored, new.prepared)),
                    ("stored report entry", loaded[doc].info == describe(document)),
                    ("sentence keys", stored_keys[doc][1] == new.keys),
                    # all buckets of its sentences, plus those without the
                    # stock phrases of the day the document was added
                    (
                        "sentence bands",
                        set(self._sentence_bands(new.prepared)) <= sbands
                        and {k for _, _, k in sbands} <= set(new.keys),
                    ),
                    ("signature", np.array_equal(loaded[doc].signature, eff.signature)),
                    ("document bands", dbands == set(self._document_bands(eff.signature))),
                )
                problems.extend(
                    f"document {document.id!r}: {what} do not match its text"
                    for what, ok in checks
                    if not ok
                )
        if access.all_shingle_counts() != dict(_count(shingle_sets)):
            problems.append("shingle_counts: shingle document counts do not match the texts")
        return problems
