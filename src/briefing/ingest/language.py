"""An article's language, told from its text by py3langid (deterministic, offline, model in the wheel).

Classification is restricted to the two-letter codes the loader accepts, so the result is
always a valid `language:`; on text too short to tell (a headline-only feed entry), the
source's configured language wins, then the writing system.
"""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..load.fields import is_language_code

MIN_LETTERS = 40
MIN_CONFIDENCE = 0.6
SCRIPTS = (("ko", re.compile(r"[\uac00-\ud7a3]")), ("ja", re.compile(r"[\u3040-\u30ff]")), ("zh", re.compile(r"[\u4e00-\u9fff]")))


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2 and is_language_code(code)])
    return identifier


def detect_language(text: str, hint: str | None = None, preferred: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """(language code, editor note or None); `preferred` (the publication's languages) breaks ties on short text."""
    letters = sum(character.isalpha() for character in text)
    code, confidence = _identifier().classify(text) if letters else ("en", 0.0)
    if letters >= MIN_LETTERS and (confidence >= MIN_CONFIDENCE or not hint):
        return code, None
    if hint:
        return hint, None
    for script_code, script in SCRIPTS:
        if script.search(text):
            return script_code, None
    ranked = [candidate for candidate, _ in _identifier().rank(text)] if letters else []
    guess = next((candidate for candidate in ranked if candidate in preferred), code)
    return guess, f"The language ({guess}) is a guess from very little text."
