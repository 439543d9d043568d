"""Chinese written in Traditional characters (Hong Kong, Taiwan, many older patients) read as Simplified, so every
rule about Chinese replies (opt-out words, emergencies, reasons, times) is written once, in Simplified."""

from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    return OpenCC("t2s")


def as_simplified(text: str) -> str:
    """``text`` with its Traditional characters as Simplified; text without Chinese is returned as it is."""
    return _converter().convert(text) if _HAN.search(text) else text
